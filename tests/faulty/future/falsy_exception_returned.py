"""Injects: result() tells a failure by the exception's truth value (`if self._exception:`, as CPython before 3.13.4),
so an exception whose __bool__ returns False reads as a success with result None."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-RESULT-3"}


class Future(ref.Future):
    def result(self, timeout=None):
        self._wait(timeout)
        if self._exception:  # BUG: a falsy exception is taken for no exception at all
            raise self._exception
        return self._result
