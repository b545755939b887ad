"""Injects: add_done_callback() checks the state outside the lock, so a callback added while completing is lost."""
import time

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-3"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        if self._state in ref._UNFINISHED:
            time.sleep(0.001)  # BUG: check-then-act; the window is widened on purpose
            with self._condition:
                self._callbacks.append(fn)
            return
        self._invoke([fn])
