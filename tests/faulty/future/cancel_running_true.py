"""Injects: cancel() on a RUNNING future returns True (it must return False and change nothing)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CANCEL-2"}


class Future(ref.Future):
    def cancel(self):
        if self._state == ref.RUNNING:
            return True  # BUG
        return super().cancel()
