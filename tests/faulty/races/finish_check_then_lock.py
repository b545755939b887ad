"""Injects: set_result()/set_exception() test the state before taking the lock (check-then-lock), so two completions
racing on an unfinished future both pass the test and both "win": neither raises InvalidStateError, and the
second overwrites the first's outcome.

Window: from the state test (the `if` line) to the `with` line of `_finish`, two lines; a completion by another
thread inside it is the only way to get there. One thread at a time, the test under the lock is never needed."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-1"}


class Future(ref.Future):
    def _finish(self, result, exception):
        if self._state not in ref._UNFINISHED:  # BUG: tested outside the lock
            raise InvalidStateError(f"cannot complete a future that is {self._state}")
        with self._condition:
            self._result, self._exception = result, exception
            self._state = ref.FINISHED
            callbacks = self._complete_locked()
        self._invoke(callbacks)
