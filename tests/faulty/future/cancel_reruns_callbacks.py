"""Injects: cancel() on an already cancelled future runs every callback again."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CANCEL-4", "CORE-CB-1"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._every_callback = []

    def add_done_callback(self, fn):
        self._every_callback.append(fn)
        super().add_done_callback(fn)

    def cancel(self):
        again = self._state in ref._CANCELLED
        cancelled = super().cancel()
        if again:
            self._invoke(list(self._every_callback))  # BUG
        return cancelled
