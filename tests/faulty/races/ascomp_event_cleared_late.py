"""Injects: as_completed() collects finished futures in a list under a lock and signals them with an Event, and its
iterator clears the Event after taking the list, outside the lock. A future that finishes between the two is in the
list, but its signal is cleared: the iterator blocks until the timeout (for ever without one) with a finished future
in hand. (CPython clears it inside the lock.)

Window: from the end of the `with lock` block of `yield_arrivals` to `arrived.clear()`, one line apart. One thread at
a time nothing finishes in between."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-ORDER-1", "ASCOMP-ONCE-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def as_completed(self, fs, timeout=None):
        time_left = executor.countdown(timeout)
        fs = self.distinct(fs)
        lock, arrived, finished = threading.Lock(), threading.Event(), []

        def arrive(f):
            with lock:
                finished.append(f)
                arrived.set()

        for f in fs:
            f.add_done_callback(arrive)
        return self.yield_arrivals(fs, lock, arrived, finished, time_left)

    def yield_arrivals(self, fs, lock, arrived, finished, time_left):
        pending = list(fs)
        while pending:
            if not arrived.wait(time_left()):
                raise self.timeout_error(len(pending), len(fs))
            with lock:
                batch, finished[:] = finished[:], []
            arrived.clear()  # BUG: outside the lock; an arrival since the copy stays in `finished`, unsignalled
            for f in batch:
                pending.remove(f)
                yield f


wait, as_completed = Faulty().functions()
