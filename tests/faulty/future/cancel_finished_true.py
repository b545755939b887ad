"""Injects: cancel() on a FINISHED future returns True (it must return False)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CANCEL-3"}


class Future(ref.Future):
    def cancel(self):
        if self._state == ref.FINISHED:
            return True  # BUG
        return super().cancel()
