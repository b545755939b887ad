"""Injects: set_running_or_notify_cancel() wakes blocked waiters, which then give up with TimeoutError."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-BLOCK-1"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        with self._condition:
            started = super().set_running_or_notify_cancel()
            self._condition.notify_all()
            return started

    def _wait(self, timeout):
        with self._condition:
            self._condition.wait_for(lambda: self._state != ref.PENDING, timeout)  # BUG: RUNNING ends the wait
        super()._wait(0)
