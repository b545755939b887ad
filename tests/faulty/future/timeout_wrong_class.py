"""Injects: a read that times out lets queue.Empty escape instead of raising the profile's TimeoutError."""
import queue

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-TIMEOUT-3"}


class Future(ref.Future):
    def _wait(self, timeout):
        try:
            super()._wait(timeout)
        except TimeoutError:
            raise queue.Empty() from None  # BUG
