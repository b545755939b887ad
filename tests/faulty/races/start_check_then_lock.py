"""Injects: set_running_or_notify_cancel() reads the state before taking the lock and decides on that stale copy,
so racing cancel() both succeed: cancel() returns True, then the start moves the CANCELLED future to RUNNING and
returns True as well (two winners), or the start acknowledges a cancellation that came after it had read PENDING.

Window: from `state = self._state` to the `with` line, one line apart (tests/faulty/future/racy_start.py is the
same bug with the window widened by a sleep, which today's suite catches)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-2"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        state = self._state  # BUG: read outside the lock, used inside it
        with self._condition:
            if state == ref.PENDING:
                self._state = ref.RUNNING
                return True
            if state == ref.CANCELLED:
                self._state = ref.CANCELLED_AND_NOTIFIED
                return False
            raise RuntimeError(f"cannot start a future that is {state}")
