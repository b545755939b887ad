"""Injects: set_exception() ends the process with os._exit(3), as a worker library that treats a failed task as
fatal might. Checked in a supervised child (ISOLATED): the process exits with status 3, no Python cleanup."""
import os
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SET-2", "CF-SET-3"}
ISOLATED = True


class Future(ref.Future):
    def set_exception(self, exception):
        os._exit(3)  # BUG
