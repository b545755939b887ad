"""Injects: exception() on a FINISHED future always returns None, even when it finished with an exception."""
from reference import aio_future as ref

VIOLATES = {"AIO-RESULT-1"}


class Future(ref.Future):
    def exception(self):
        if self._state == ref.FINISHED:
            return None  # BUG
        return super().exception()
