"""Injects: add_done_callback() tests the state and reads the callback list under the lock, then stores a new list —
the old one plus the callback — after releasing it (copy-on-write outside the lock). Two registrations racing both
copy the same list and the second store drops the first's callback; a completion in between takes the old list and
the callback is stored on a future that will never run it. Either way a callback never runs.

Window: from the end of the `with` block of `add_done_callback` to the `self._callbacks = callbacks + [fn]` line,
past the `if` between them. One thread at a time the list cannot change in between."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-CB-1", "CF-ATOMIC-3"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            unfinished = self._state in ref._UNFINISHED
            callbacks = self._callbacks
        if unfinished:
            self._callbacks = callbacks + [fn]  # BUG: the copy is stored outside the lock
            return
        self._invoke([fn])
