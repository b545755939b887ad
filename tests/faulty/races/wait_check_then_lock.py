"""Injects: wait() tests its condition before taking the lock it waits on (check-then-lock). A future that
completes between the test and the wait notifies nobody — wait() is not waiting yet — and wait() then blocks until
its timeout, for ever without one, although its condition is met.

Window: from the `while` test of `Faulty.wait` to the `with changed:` line under it (once wait() holds `changed`,
the callback's notification waits for it to be waiting). One thread at a time the futures cannot complete in
between."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-1", "WAIT-RETURN-2", "WAIT-RETURN-3"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def wait(self, fs, timeout=None, return_when=executor.ALL_COMPLETED):
        fs = self.distinct(fs)
        changed = threading.Condition()

        def notify(_):
            with changed:
                changed.notify_all()

        for f in fs:
            f.add_done_callback(notify)
        time_left = executor.countdown(timeout)
        while not self.condition_met(fs, return_when) and time_left() != 0:  # BUG: tested outside `changed`
            with changed:
                changed.wait(time_left())
        return self.split(fs)


wait, as_completed = Faulty().functions()
