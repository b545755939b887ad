"""Injects: as_completed() yields the futures that finished while its consumer was busy last-finished first (it takes
them as a batch and pops from the end without reversing it first, the slip bpo-27144's "reverse to keep finishing
order" guards against)."""
import queue

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-ORDER-2"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def yield_as_completed(self, fs, finished, time_left):
        pending = list(fs)
        while pending:
            try:
                batch = [finished.get(timeout=time_left())]
            except queue.Empty:
                raise self.timeout_error(len(pending), len(fs)) from None
            while not finished.empty():
                batch.append(finished.get())
            while batch:
                f = batch.pop()  # BUG: the last to finish comes first
                pending.remove(f)
                yield f


wait, as_completed = Faulty().functions()
