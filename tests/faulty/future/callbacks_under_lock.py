"""Injects: callbacks run while a non-reentrant lock is held, so a callback calling result() deadlocks."""
import threading

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-6"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._condition = threading.Condition(threading.Lock())

    def _complete_locked(self):
        self._condition.notify_all()
        callbacks, self._callbacks = self._callbacks, []
        self._invoke(callbacks)  # BUG: still holding the lock
        return []
