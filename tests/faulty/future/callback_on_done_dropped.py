"""Injects: add_done_callback() on a done future silently drops the callback."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-3"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            if self._state in ref._UNFINISHED:
                self._callbacks.append(fn)
        # BUG: a done future never calls fn
