"""Injects: a positive timeout is ignored: the read times out at once instead of waiting."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-TIMEOUT-2", "CF-BLOCK-1"}


class Future(ref.Future):
    def _wait(self, timeout):
        super()._wait(0 if timeout is not None else None)  # BUG
