"""Injects: cancel() on a FINISHED future returns True (it changes nothing, but must return False)."""
from reference import aio_future as ref

VIOLATES = {"AIO-CANCEL-2"}


class Future(ref.Future):
    def cancel(self, msg=None):
        if self._state == ref.FINISHED:
            return True  # BUG
        return super().cancel(msg)
