"""Injects: done() tests "a result or an exception is stored", so a future finished with None is not done."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SET-1", "CORE-QUERY-1"}


class Future(ref.Future):
    def done(self):
        return self.cancelled() or self._result is not None or self._exception is not None  # BUG
