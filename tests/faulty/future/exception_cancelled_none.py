"""Injects: exception() of a cancelled future returns None instead of raising CancelledError."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-EXC-2"}


class Future(ref.Future):
    def exception(self, timeout=None):
        if self.cancelled():
            return None  # BUG
        return super().exception(timeout)
