"""Injects: set_result()/set_exception() check the state outside the lock, so two racing completions both win."""
import time

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-1"}


class Future(ref.Future):
    def _finish(self, result, exception):
        if self._state not in ref._UNFINISHED:
            raise InvalidStateError(f"cannot complete a future that is {self._state}")
        time.sleep(0.001)  # BUG: check-then-act; the window is widened on purpose
        with self._condition:
            self._result, self._exception = result, exception
            self._state = ref.FINISHED
            callbacks = self._complete_locked()
        self._invoke(callbacks)
