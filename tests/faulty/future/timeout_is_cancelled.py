"""Injects: the module's TimeoutError is a subclass of its CancelledError ("the wait was given up"), so
`except CancelledError:` also catches every timeout."""
import concurrent.futures
from concurrent.futures import CancelledError, InvalidStateError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CLASS-2"}


class TimeoutError(concurrent.futures.TimeoutError, CancelledError):  # BUG: a timeout is not a cancellation
    """Raised when a read times out."""


class Future(ref.Future):
    def _wait(self, timeout):
        try:
            super()._wait(timeout)
        except concurrent.futures.TimeoutError as error:
            if isinstance(error, TimeoutError):
                raise
            raise TimeoutError() from None
