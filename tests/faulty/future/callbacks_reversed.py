"""Injects: callbacks registered before completion are called in reverse registration order."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-CB-2"}


class Future(ref.Future):
    def _invoke(self, callbacks):
        super()._invoke(list(reversed(callbacks)))  # BUG
