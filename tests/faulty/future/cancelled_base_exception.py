"""Injects: the module's CancelledError derives from BaseException, as asyncio's does since 3.8, so an
`except Exception:` around result() no longer catches a cancellation."""
import concurrent.futures
from concurrent.futures import InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CLASS-1"}


class CancelledError(BaseException):  # BUG: not an Exception
    """Raised when reading a cancelled future."""


class Future(ref.Future):
    def _wait(self, timeout):
        try:
            super()._wait(timeout)
        except concurrent.futures.CancelledError:
            raise CancelledError() from None
