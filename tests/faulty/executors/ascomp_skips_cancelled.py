"""Injects: as_completed() drops cancelled futures from its stream (it waits for them but never yields them)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-CANCEL-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def yield_as_completed(self, fs, finished, time_left):
        for f in super().yield_as_completed(fs, finished, time_left):
            if not f.cancelled():  # BUG: waited for, never yielded
                yield f


wait, as_completed = Faulty().functions()
