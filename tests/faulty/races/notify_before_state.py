"""Injects: set_result()/set_exception() wake the waiters in one critical section and change the state in a second
one, with no notification after it. A waiter that takes the lock between the two sees the future still unfinished,
waits again, and is never woken.

Window: between the two `with` blocks of `_finish` (the lock is free from the end of the first to the start of the
second, one line). One thread at a time — or whenever the completing thread takes the lock back before the waiter
gets it, which free-running threads almost always do — each waiter wakes after the state has changed."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-BLOCK-2"}


class Future(ref.Future):
    def _finish(self, result, exception):
        with self._condition:
            self._condition.notify_all()  # BUG: the waiters are woken before the state changes, in a section of its own
        with self._condition:
            if self._state not in ref._UNFINISHED:
                raise InvalidStateError(f"cannot complete a future that is {self._state}")
            self._result, self._exception = result, exception
            self._state = ref.FINISHED
            callbacks, self._callbacks = self._callbacks, []
        self._invoke(callbacks)
