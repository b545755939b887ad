"""Injects: a new future starts out RUNNING instead of PENDING."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-STATE-1"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._state = ref.RUNNING  # BUG
