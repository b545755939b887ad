"""Injects: submit() tests whether the executor is open before taking its lock (check-then-lock). A shutdown()
between the test and the lock lets the call in after all: queued after the workers were told to stop, it either
never runs (its future stays PENDING for ever) or runs after shutdown(wait=True) has returned — neither of the two
orders the racing calls could have had.

Window: from `self._check_open()` to the `with` line of `submit`, one line apart. One thread at a time, a submit()
after shutdown() raises."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-ATOMIC-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def submit(self, fn, *args, **kwargs):
        self._check_open()  # BUG: outside the lock
        with self._work:
            future = executor.Future()
            self._enqueue((future, fn, args, kwargs))
            self._wake_worker()
        return future
