"""Injects: cancelled() looks the state up in a table that lacks CANCELLED_AND_NOTIFIED, so it raises KeyError."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-QUERY-3"}
_IS_CANCELLED = {ref.PENDING: False, ref.RUNNING: False, ref.CANCELLED: True, ref.FINISHED: False}  # BUG


class Future(ref.Future):
    def cancelled(self):
        return _IS_CANCELLED[self._state]
