"""A minimal, readable, thread-safe Future of the concurrent.futures profile (spec/future.md).

Every state and transition fits on one screen; each method names the clauses it implements. The exception
classes are the standard library's, so code written against concurrent.futures can catch them unchanged.
"""
import logging
import threading
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError

__all__ = ["Future", "CancelledError", "InvalidStateError", "TimeoutError"]

LOGGER = logging.getLogger("reference.future")

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_UNFINISHED = (PENDING, RUNNING)
_CANCELLED = (CANCELLED, CANCELLED_AND_NOTIFIED)


class Future:
    """The result of a computation that may not have finished yet."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING  # CORE-STATE-1
        self._result = None
        self._exception = None
        self._callbacks = []

    # Queries: CORE-QUERY-1..3, CF-QUERY-1. Reading one attribute needs no lock.
    def done(self):
        return self._state not in _UNFINISHED

    def cancelled(self):
        return self._state in _CANCELLED

    def running(self):
        return self._state == RUNNING

    # Consumer side.
    def cancel(self):
        """CF-CANCEL-1..4: only a PENDING future can be cancelled; cancelling twice succeeds."""
        with self._condition:
            if self._state in _CANCELLED:
                return True
            if self._state != PENDING:
                return False
            self._state = CANCELLED
            callbacks = self._complete_locked()
        self._invoke(callbacks)
        return True

    def result(self, timeout=None):
        """CF-RESULT-1/2, CF-TIMEOUT-1..3, CF-BLOCK-1/2."""
        self._wait(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        """CF-EXC-1/2, CF-TIMEOUT-1..3, CF-BLOCK-1/2."""
        self._wait(timeout)
        return self._exception

    def add_done_callback(self, fn):
        """CORE-CB-1/2, CF-CB-1/3: queue the callback, or call it now if the future is done."""
        with self._condition:
            if self._state in _UNFINISHED:
                self._callbacks.append(fn)
                return
        self._invoke([fn])

    def _discard_callback(self, fn):
        """Take back a callback not yet called, for wait() and as_completed(), which must leave nothing behind
        (WAIT-CLEAN-1, ASCOMP-CLEAN-1). Private: the profile has no remove_done_callback() (CF-CB-9)."""
        with self._condition:
            if fn in self._callbacks:
                self._callbacks.remove(fn)

    # Producer side.
    def set_running_or_notify_cancel(self):
        """CF-SRNC-1..4: start a PENDING future, or acknowledge its cancellation."""
        with self._condition:
            if self._state == PENDING:
                self._state = RUNNING
                return True
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                return False
            raise RuntimeError(f"cannot start a future that is {self._state}")

    def set_result(self, result):
        """CF-SET-1, CF-SET-3/4."""
        self._finish(result, None)

    def set_exception(self, exception):
        """CF-SET-2, CF-SET-3/4."""
        self._finish(None, exception)

    # Internals.
    def _finish(self, result, exception):
        with self._condition:
            if self._state not in _UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._result, self._exception = result, exception
            self._state = FINISHED
            callbacks = self._complete_locked()
        self._invoke(callbacks)

    def _complete_locked(self):
        """Wake every waiter (CF-BLOCK-2) and hand back the callbacks to run outside the lock (CF-CB-6)."""
        self._condition.notify_all()
        callbacks, self._callbacks = self._callbacks, []
        return callbacks

    def _wait(self, timeout):
        with self._condition:
            self._condition.wait_for(self.done, timeout)
            if self._state in _CANCELLED:
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()

    def _invoke(self, callbacks):
        """CF-CB-2/4: in the calling thread, in order; an Exception is logged and the next callback still runs."""
        for fn in callbacks:
            try:
                fn(self)
            except Exception:
                LOGGER.exception("exception calling callback for %r", self)
