"""Injects: result(timeout=0)/exception(timeout=0) treat 0 as "no timeout" and block until done (a deadlock)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-TIMEOUT-1"}


class Future(ref.Future):
    def _wait(self, timeout):
        super()._wait(timeout or None)  # BUG: 0 is falsy
