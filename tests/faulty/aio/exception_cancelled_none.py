"""Injects: exception() on a CANCELLED future returns None instead of raising CancelledError."""
from reference import aio_future as ref

VIOLATES = {"AIO-RESULT-3"}


class Future(ref.Future):
    def exception(self):
        if self._state == ref.CANCELLED:
            return None  # BUG
        return super().exception()
