"""Injects: cancel() on an already cancelled future returns False (it must return True)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CANCEL-4"}


class Future(ref.Future):
    def cancel(self):
        if self._state in ref._CANCELLED:
            return False  # BUG
        return super().cancel()
