"""Injects: done() returns True for a RUNNING future."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-QUERY-1", "CF-SRNC-1"}


class Future(ref.Future):
    def done(self):
        return self._state != ref.PENDING  # BUG
