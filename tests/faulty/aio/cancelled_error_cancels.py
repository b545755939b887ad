"""Injects: set_exception(CancelledError()) cancels the future instead of finishing it with that exception."""
from reference import aio_future as ref

VIOLATES = {"AIO-SET-1", "CORE-QUERY-2"}


class Future(ref.Future):
    def set_exception(self, exception):
        if isinstance(exception, ref.CancelledError) and self._state == ref.PENDING:
            self.cancel()  # BUG
            return
        super().set_exception(exception)
