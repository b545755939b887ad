"""Injects: add_done_callback() tests whether the future is unfinished before taking the lock, then appends under
it: a completion between the two takes the list without the new callback, which then never runs.

Window: from the `if` line to the `with` line of `add_done_callback`, one line apart
(tests/faulty/future/racy_add_done_callback.py is the same bug widened by a sleep)."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-3"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        if self._state in ref._UNFINISHED:  # BUG: tested outside the lock
            with self._condition:
                self._callbacks.append(fn)
            return
        self._invoke([fn])
