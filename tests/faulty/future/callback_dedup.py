"""Injects: add_done_callback() ignores a function that is already registered (it must register two calls)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-CB-1"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            if fn in self._callbacks:
                return  # BUG
        super().add_done_callback(fn)
