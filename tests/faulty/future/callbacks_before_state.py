"""Injects: set_result()/set_exception() call the callbacks before recording the outcome."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-6"}


class Future(ref.Future):
    def _finish(self, result, exception):
        with self._condition:
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            callbacks, self._callbacks = self._callbacks, []
        self._invoke(callbacks)  # BUG: the future is not done yet
        with self._condition:
            self._result, self._exception = result, exception
            self._state = ref.FINISHED
            self._condition.notify_all()
