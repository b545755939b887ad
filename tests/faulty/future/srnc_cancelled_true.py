"""Injects: set_running_or_notify_cancel() on a CANCELLED future returns True (it must return False)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SRNC-2"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        started = super().set_running_or_notify_cancel()
        return True if started is False else started  # BUG
