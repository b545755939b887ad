"""Injects: set_result() on a FINISHED future overwrites the result instead of raising InvalidStateError."""
from reference import aio_future as ref

VIOLATES = {"AIO-SET-2"}


class Future(ref.Future):
    def set_result(self, result):
        if self._state == ref.FINISHED:
            self._result, self._exception = result, None  # BUG
            return
        super().set_result(result)
