"""Injects: set_exception(42) (not an exception) is accepted silently and finishes the future (a SHOULD)."""
from reference import aio_future as ref

VIOLATES = {"AIO-SET-6"}


class Future(ref.Future):
    def set_exception(self, exception):
        if self._state == ref.PENDING and not isinstance(exception, (BaseException, type)):
            self._exception = exception  # BUG: no type check
            self._finish()
            return
        super().set_exception(exception)
