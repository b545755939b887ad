"""Injects: set_running_or_notify_cancel() decides under the lock but moves the future to RUNNING after releasing it
(act-after-unlock). A cancel() in between still finds the future PENDING and cancels it, returning True; the start
then overwrites CANCELLED with RUNNING and returns True too: two winners, and a cancelled future running.

Window: from the end of the `with` block of `set_running_or_notify_cancel` to `self._state = ref.RUNNING`, one line
apart. One thread at a time nobody can take the lock in between."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-2"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == ref.CANCELLED:
                self._state = ref.CANCELLED_AND_NOTIFIED
                return False
            if self._state != ref.PENDING:
                raise RuntimeError(f"cannot start a future that is {self._state}")
        self._state = ref.RUNNING  # BUG: written after the lock is released
        return True
