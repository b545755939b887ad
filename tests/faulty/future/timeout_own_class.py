"""Injects: the module's TimeoutError is its own class, not the builtin one (as on 3.9/3.10): a SHOULD clause only."""
import concurrent.futures
from concurrent.futures import CancelledError, InvalidStateError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-TIMEOUT-4"}


class TimeoutError(Exception):  # BUG: not a subclass of the builtin TimeoutError
    """Raised when a read times out."""


class Future(ref.Future):
    def _wait(self, timeout):
        try:
            super()._wait(timeout)
        except concurrent.futures.TimeoutError:
            raise TimeoutError() from None
