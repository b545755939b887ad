"""Injects: set_exception(cls) with an exception class stores the class itself, not a new instance of it."""
from reference import aio_future as ref

VIOLATES = {"AIO-SET-3"}


class Future(ref.Future):
    def set_exception(self, exception):
        if isinstance(exception, type) and issubclass(exception, BaseException) and self._state == ref.PENDING:
            self._exception = exception  # BUG: not instantiated
            self._finish()
            return
        super().set_exception(exception)
