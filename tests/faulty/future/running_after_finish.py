"""Injects: running() stays True once a started future has finished."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-QUERY-1", "CF-SET-1", "CF-SET-2"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._started = False

    def set_running_or_notify_cancel(self):
        self._started = super().set_running_or_notify_cancel()
        return self._started

    def running(self):
        return self._started  # BUG: never reset on completion
