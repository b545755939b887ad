"""Injects: result() reads a FINISHED future without the lock (a fast path, safe only if the outcome is stored
before the state), while set_result()/set_exception() store the state first and the outcome on the next line. A
result() between the two lines sees FINISHED and returns the outcome not yet stored: None, for a future that
finishes with another result or with an exception.

Window: from `self._state = ref.FINISHED` to the line that stores the outcome in `_finish`, one line apart. One
thread at a time, nothing reads in between."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-4"}


class Future(ref.Future):
    def result(self, timeout=None):
        if self._state == ref.FINISHED:  # the lock-free fast path
            if self._exception is not None:
                raise self._exception
            return self._result
        return super().result(timeout)

    def _finish(self, result, exception):
        with self._condition:
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._state = ref.FINISHED  # BUG: the state is published before the outcome
            self._result, self._exception = result, exception
            callbacks = self._complete_locked()
        self._invoke(callbacks)
