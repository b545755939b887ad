"""Injects: completion wakes exactly as many waiters as it counts (`notify(n)` instead of `notify_all()`), and
result()/exception() count themselves in with a read and a write outside the lock. Two threads arriving together
both read the same count and write the same count + 1: one of them is not counted, and when the future completes it
is not woken.

Window: the two lines `blocked = self._blocked` / `self._blocked = blocked + 1` of `_wait`; a second waiter must
read the count between them. One thread at a time the count is exact, and so is the notification."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-BLOCK-2"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._blocked = 0  # threads in result()/exception()

    def _complete_locked(self):
        self._condition.notify(self._blocked)  # exactly as many as are counted
        callbacks, self._callbacks = self._callbacks, []
        return callbacks

    def _wait(self, timeout):
        blocked = self._blocked  # BUG: counted in outside the lock, a read and a write
        self._blocked = blocked + 1
        try:
            super()._wait(timeout)
        finally:
            with self._condition:
                self._blocked -= 1
