"""Injects: result() and exception() on a PENDING future raise concurrent.futures.InvalidStateError, not asyncio's."""
import concurrent.futures

from reference import aio_future as ref

VIOLATES = {"AIO-RESULT-2"}


class Future(ref.Future):
    def _check_done(self, method):
        if self._state == ref.PENDING:
            raise concurrent.futures.InvalidStateError(f"{method}() of a pending future")  # BUG: wrong class
        super()._check_done(method)
