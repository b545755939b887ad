"""Injects: a negative timeout waits abs(timeout) seconds instead of timing out at once."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-TIMEOUT-1"}


class Future(ref.Future):
    def _wait(self, timeout):
        super()._wait(abs(timeout) if timeout is not None else None)  # BUG
