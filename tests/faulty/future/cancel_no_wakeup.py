"""Injects: cancel() never notifies the condition, so blocked waiters are not woken by a cancellation."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-BLOCK-2", "CF-CANCEL-1"}


class Future(ref.Future):
    def cancel(self):
        with self._condition:
            if self._state in ref._CANCELLED:
                return True
            if self._state != ref.PENDING:
                return False
            self._state = ref.CANCELLED
            callbacks, self._callbacks = self._callbacks, []  # BUG: no notify_all()
        self._invoke(callbacks)
        return True
