"""Injects: wait() sleeps on an Event the futures' callbacks set, and clears it after testing its condition instead
of before. A future that completes between the test and the clear sets the Event just before it is cleared: wait()
then blocks until its timeout, for ever without one, although its condition is met.

Window: from the `while` test of `Faulty.wait` to `changed.clear()`, one line apart. The right order — clear, test,
wait — has no window. One thread at a time the futures cannot complete in between."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-1", "WAIT-RETURN-2", "WAIT-RETURN-3"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def wait(self, fs, timeout=None, return_when=executor.ALL_COMPLETED):
        fs = self.distinct(fs)
        changed = threading.Event()
        for f in fs:
            f.add_done_callback(lambda _: changed.set())
        time_left = executor.countdown(timeout)
        while not self.condition_met(fs, return_when) and time_left() != 0:
            changed.clear()  # BUG: cleared after the test; a completion since the test is forgotten
            changed.wait(time_left())
        return self.split(fs)


wait, as_completed = Faulty().functions()
