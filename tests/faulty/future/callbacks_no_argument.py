"""Injects: callbacks are called with no argument instead of with the future."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-CB-1"}


class Future(ref.Future):
    def _invoke(self, callbacks):
        for fn in callbacks:
            try:
                fn()  # BUG
            except Exception:
                ref.LOGGER.exception("exception calling callback for %r", self)
