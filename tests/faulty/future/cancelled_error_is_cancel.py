"""Injects: cancelled() is True for a future finished with a CancelledError exception."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-QUERY-2", "CF-SET-2"}


class Future(ref.Future):
    def cancelled(self):
        return super().cancelled() or isinstance(self._exception, CancelledError)  # BUG
