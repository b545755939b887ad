"""Injects: set_exception() rejects a BaseException that is not an Exception (KeyboardInterrupt, SystemExit)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-SET-2"}


class Future(ref.Future):
    def set_exception(self, exception):
        if not isinstance(exception, Exception):
            raise TypeError("set_exception() needs an Exception")  # BUG
        super().set_exception(exception)
