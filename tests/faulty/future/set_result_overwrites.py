"""Injects: set_result()/set_exception() on a done future silently overwrite the outcome (pre-3.8 CPython)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SET-3", "CORE-STATE-2"}


class Future(ref.Future):
    def _finish(self, result, exception):
        with self._condition:
            if self._state not in ref._UNFINISHED:
                self._result, self._exception = result, exception  # BUG
                self._state = ref.FINISHED
                return
        super()._finish(result, exception)
