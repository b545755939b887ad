"""Injects: starting a future twice raises ValueError instead of RuntimeError (a SHOULD clause only)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SRNC-4"}


class Future(ref.Future):
    def set_running_or_notify_cancel(self):
        try:
            return super().set_running_or_notify_cancel()
        except RuntimeError as error:
            raise ValueError(str(error)) from None  # BUG
