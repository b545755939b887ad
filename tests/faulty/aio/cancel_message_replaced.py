"""Injects: cancel(msg2) on a cancelled future returns False but replaces the first cancellation message."""
from reference import aio_future as ref

VIOLATES = {"AIO-CANCEL-3"}


class Future(ref.Future):
    def cancel(self, msg=None):
        if self._state == ref.CANCELLED:
            self._cancel_message = msg  # BUG
            return False
        return super().cancel(msg)
