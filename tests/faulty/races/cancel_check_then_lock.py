"""Injects: cancel() decides from the state it reads before taking the lock (check-then-lock), so cancel() racing
set_running_or_notify_cancel() can have two winners — cancel() returns True and the start returns True — and
cancel() racing set_result() can cancel a future that has just finished.

Window: from the `if` line to the `with` line of `cancel`, one line apart. Called one thread at a time, the test
sees the state the lock would have shown. (The second read, in the `return`, is harmless: a future that is not
PENDING never becomes PENDING or stops being cancelled.)"""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-2", "CF-ATOMIC-1"}


class Future(ref.Future):
    def cancel(self):
        if self._state != ref.PENDING:  # BUG: tested outside the lock
            return self._state in ref._CANCELLED
        with self._condition:
            self._state = ref.CANCELLED
            callbacks = self._complete_locked()
        self._invoke(callbacks)
        return True
