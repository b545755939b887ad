"""Injects: set_result()/set_exception() copy the callback list before taking the lock, then complete under it and
run the copy: a callback added between the copy and the state change is neither in the copy nor called at once
(the future was still unfinished when it was added), so it never runs.

Window: from the `callbacks = list(...)` line to the `with` line of `_finish`, one line apart. One thread at a time,
nothing can be added in between."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-3"}


class Future(ref.Future):
    def _finish(self, result, exception):
        callbacks = list(self._callbacks)  # BUG: copied outside the lock, before the state changes
        with self._condition:
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._result, self._exception = result, exception
            self._state = ref.FINISHED
            self._callbacks = []
            self._condition.notify_all()
        self._invoke(callbacks)
