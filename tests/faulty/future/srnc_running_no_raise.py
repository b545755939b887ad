"""Injects: set_running_or_notify_cancel() on a RUNNING future returns True instead of raising."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SRNC-3"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        if self._state == ref.RUNNING:
            return True  # BUG
        return super().set_running_or_notify_cancel()
