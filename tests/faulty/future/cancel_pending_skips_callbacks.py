"""Injects: cancel() of a PENDING future drops its callbacks instead of calling them."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CANCEL-1", "CF-CB-2"}


class Future(ref.Future):
    def cancel(self):
        with self._condition:
            if self._state == ref.PENDING:
                self._callbacks = []  # BUG
        return super().cancel()
