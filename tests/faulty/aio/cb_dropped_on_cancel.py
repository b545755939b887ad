"""Injects: cancel() discards the registered callbacks instead of scheduling them."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-2", "AIO-CANCEL-1", "AIO-AWAIT-1"}  # awaiters wait on a dropped callback


class Future(ref.Future):
    def cancel(self, msg=None):
        if self._state == ref.PENDING:
            self._callbacks = []  # BUG
        return super().cancel(msg)
