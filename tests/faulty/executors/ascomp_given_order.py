"""Injects: as_completed() waits for the futures one by one in the order given, not in the order they finish."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-ORDER-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def yield_as_completed(self, fs, finished, time_left):
        for index, f in enumerate(fs):  # BUG: a later future that finishes first waits its turn
            if not self.wait([f], time_left()).done:
                raise self.timeout_error(len(fs) - index, len(fs))
            yield f


wait, as_completed = Faulty().functions()
