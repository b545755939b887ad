"""Injects: result() of a future finished with an exception returns the exception instead of raising it."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-RESULT-1"}


class Future(ref.Future):
    def result(self, timeout=None):
        self._wait(timeout)
        return self._exception if self._exception is not None else self._result  # BUG
