"""Injects: exception() raises the stored exception instead of returning it."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-EXC-1"}


class Future(ref.Future):
    def exception(self, timeout=None):
        error = super().exception(timeout)
        if error is not None:
            raise error  # BUG
        return None
