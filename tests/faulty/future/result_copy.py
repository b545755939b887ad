"""Injects: result() returns a shallow copy of the result: equal-looking, but not the object that was set."""
import copy

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-OUTCOME-1"}


class Future(ref.Future):
    def result(self, timeout=None):
        return copy.copy(super().result(timeout))  # BUG
