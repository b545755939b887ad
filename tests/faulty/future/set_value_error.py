"""Injects: completing a done future raises ValueError instead of InvalidStateError."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SET-4"}


class Future(ref.Future):
    def _finish(self, result, exception):
        try:
            super()._finish(result, exception)
        except InvalidStateError as error:
            raise ValueError(str(error)) from None  # BUG
