"""Injects: add_done_callback() appends the callback under the lock, then, after releasing it, calls the callback
itself if the future is done by now. A completion between the two runs the callback from the list it just took, and
add_done_callback() runs it again: twice.

Window: from the end of the `with` block to the `if self.done()` line, one line apart. One thread at a time, a future
already done gets the callback appended to a list nobody runs any more and called once, at once; an unfinished one
keeps it for its completion."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-ATOMIC-3", "CORE-CB-1"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            self._callbacks.append(fn)
        if self.done():  # BUG: tested after the lock is released; the completer may already have run fn
            self._invoke([fn])
