"""Injects: set_result()/set_exception() never notify the condition, so blocked waiters are never woken."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-BLOCK-2"}


class Future(ref.Future):
    def _finish(self, result, exception):
        with self._condition:
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._result, self._exception = result, exception
            self._state = ref.FINISHED
            callbacks, self._callbacks = self._callbacks, []  # BUG: no notify_all()
        self._invoke(callbacks)
