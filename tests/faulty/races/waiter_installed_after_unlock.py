"""Injects: result()/exception() block on an Event of their own, which completion sets; they test whether the
future is unfinished under the lock, release it, then take it again to install their Event. A completion between
the two sets every Event installed so far — not this one, which then waits for ever (or until its timeout).

Window: from the end of the first `with` block of `_wait` to the `with` line that installs the Event, past the
`if` between them.
One thread at a time the future cannot complete in between."""
import threading
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-BLOCK-2"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._waiters = []  # one Event per thread blocked in result()/exception()

    def _complete_locked(self):
        for event in self._waiters:
            event.set()
        self._waiters = []
        return super()._complete_locked()

    def _wait(self, timeout):
        event = threading.Event()
        with self._condition:
            unfinished = self._state in ref._UNFINISHED
        if unfinished:
            with self._condition:  # BUG: installed after the lock was released, without testing the state again
                self._waiters.append(event)
            event.wait(timeout)
        with self._condition:
            if self._state in ref._CANCELLED:
                raise CancelledError()
            if self._state != ref.FINISHED:
                raise TimeoutError()
