"""Injects: reading a cancelled future raises asyncio.CancelledError, not concurrent.futures.CancelledError."""
import asyncio

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-RESULT-2", "CF-EXC-2"}


class Future(ref.Future):
    def _wait(self, timeout):
        try:
            super()._wait(timeout)
        except CancelledError:
            raise asyncio.CancelledError() from None  # BUG
