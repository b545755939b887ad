"""Injects: callbacks run while the future's lock is held — a reentrant one, so a callback may still call the
future's methods from its own thread. With wait(), whose callback takes wait()'s own lock, the two locks are taken
in opposite orders: the completing thread holds the future's lock and waits for wait()'s lock in the callback, while
wait(FIRST_EXCEPTION), testing its condition under its lock, calls exception() on the future just done and waits for
the future's lock. Deadlock: both wait() and the completing call hang.

The module's wait() and as_completed() are the reference's (reference/executor.py). Window: wait() must be testing
its condition (a few lines, `Waiting.condition_met` with `changed` held) while another thread is between the state
change and the end of the callbacks in `_complete_locked`. One thread at a time, or whenever the completion does not
overlap that test, the lock is only held a little longer than needed."""
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import executor
from reference import future as ref

VIOLATES = {"CF-CB-8"}
ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION = executor.ALL_COMPLETED, executor.FIRST_COMPLETED, \
    executor.FIRST_EXCEPTION


class Future(ref.Future):
    def _complete_locked(self):
        self._condition.notify_all()
        callbacks, self._callbacks = self._callbacks, []
        self._invoke(callbacks)  # BUG: called with the future's (reentrant) lock held
        return []


wait, as_completed = executor.Waiting().functions()
