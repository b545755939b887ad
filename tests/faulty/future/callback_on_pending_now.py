"""Injects: add_done_callback() on an unfinished future calls the callback at once instead of queuing it."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-1"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        self._invoke([fn])  # BUG: whatever the state
