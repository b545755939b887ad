"""Injects: an Exception raised by a callback propagates out of the completing call / add_done_callback()."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-4"}


class Future(ref.Future):
    def _invoke(self, callbacks):
        for fn in callbacks:
            fn(self)  # BUG: no try/except
