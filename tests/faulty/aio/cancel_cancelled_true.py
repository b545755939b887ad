"""Injects: cancel() on an already cancelled future returns True, as the cf profile does (asyncio returns False)."""
from reference import aio_future as ref

VIOLATES = {"AIO-CANCEL-2"}


class Future(ref.Future):
    def cancel(self, msg=None):
        if self._state == ref.CANCELLED:
            return True  # BUG
        return super().cancel(msg)
