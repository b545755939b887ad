"""Injects: an Exception raised by a callback is logged, but the callbacks after it are never called."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-4"}


class Future(ref.Future):
    def _invoke(self, callbacks):
        try:
            for fn in callbacks:
                fn(self)
        except Exception:  # BUG: one handler around the whole loop
            ref.LOGGER.exception("exception calling callback for %r", self)
