"""Injects: wait() takes the lock of every future, in the order it was given them, to look at them all at one instant
(CPython's `_AcquireFutures` does the same, but sorts them by `id()` first). Two wait()s given the same futures in
opposite orders each take one lock and wait for the other's: a deadlock.

Window: from the `for f in rest:` line of `Faulty.wait`, the first future's lock held, to the next
`stack.enter_context`. One wait() at a time takes them all at once. The Future makes its condition from this
module's `threading`, so that the scheduler sees those locks."""
import contextlib
import threading

from reference import executor, future
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-OVERLAP-1"}
__getattr__ = from_reference


class Future(future.Future):
    def __init__(self):
        super().__init__()
        self._condition = threading.Condition()


class Faulty(executor.Waiting):
    def wait(self, fs, timeout=None, return_when=executor.ALL_COMPLETED):
        fs = list(dict.fromkeys(fs))
        first, *rest = fs
        with contextlib.ExitStack() as stack:
            stack.enter_context(first._condition)
            for f in rest:  # BUG: in the order given, not one order shared by every caller
                stack.enter_context(f._condition)
            if self.condition_met(fs, return_when):  # a consistent snapshot: no need to install anything
                return self.split(fs)
        return super().wait(fs, timeout, return_when)


wait, as_completed = Faulty().functions()
