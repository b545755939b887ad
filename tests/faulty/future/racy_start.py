"""Injects: set_running_or_notify_cancel() decides on a stale state, so it can start a future cancel() cancelled."""
import time

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-2"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        state = self._state
        time.sleep(0.001)  # BUG: check-then-act; the window is widened on purpose
        with self._condition:
            if state == ref.PENDING:
                self._state = ref.RUNNING
                return True
            if state == ref.CANCELLED:
                self._state = ref.CANCELLED_AND_NOTIFIED
                return False
            raise RuntimeError(f"cannot start a future that is {state}")
