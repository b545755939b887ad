"""Injects: add_done_callback() on a done future queues the callback, which then waits forever."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-3"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            self._callbacks.append(fn)  # BUG: whatever the state
