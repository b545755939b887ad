"""Injects: result() on a PENDING future returns None instead of raising InvalidStateError."""
from reference import aio_future as ref

VIOLATES = {"AIO-RESULT-2"}


class Future(ref.Future):
    def result(self):
        if self._state == ref.PENDING:
            return None  # BUG
        return super().result()
