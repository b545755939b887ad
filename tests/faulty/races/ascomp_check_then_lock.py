"""Injects: as_completed()'s iterator tests whether anything has finished before taking the lock it waits on
(check-then-lock). A future that finishes between the test and the wait appends itself and notifies nobody: the
iterator blocks until the timeout (for ever without one) with a finished future in hand.

Window: from the `if not finished` test of `yield_arrivals` to the `with changed:` line under it (once the iterator
holds `changed`, an arrival waits for it to be waiting). One thread at a time nothing finishes in between."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-ORDER-1", "ASCOMP-ONCE-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def as_completed(self, fs, timeout=None):
        time_left = executor.countdown(timeout)
        fs = self.distinct(fs)
        changed, finished = threading.Condition(), []

        def arrive(f):
            with changed:
                finished.append(f)
                changed.notify_all()

        for f in fs:
            f.add_done_callback(arrive)
        return self.yield_arrivals(fs, changed, finished, time_left)

    def yield_arrivals(self, fs, changed, finished, time_left):
        pending = list(fs)
        while pending:
            if not finished:  # BUG: tested outside `changed`
                with changed:
                    changed.wait(time_left())
            with changed:
                batch, finished[:] = finished[:], []
            if not batch and time_left() == 0:
                raise self.timeout_error(len(pending), len(fs))
            for f in batch:
                pending.remove(f)
                yield f


wait, as_completed = Faulty().functions()
