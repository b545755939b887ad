"""Injects: acknowledging a cancellation twice returns False again instead of raising."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SRNC-3"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        if self._state == ref.CANCELLED_AND_NOTIFIED:
            return False  # BUG
        return super().set_running_or_notify_cancel()
