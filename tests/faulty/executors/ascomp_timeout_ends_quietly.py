"""Injects: when as_completed()'s timeout expires, the iterator just ends instead of raising TimeoutError."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-TIMEOUT-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def yield_as_completed(self, fs, finished, time_left):
        try:
            yield from super().yield_as_completed(fs, finished, time_left)
        except executor.TimeoutError:
            return  # BUG: the caller cannot tell a timeout from the end


wait, as_completed = Faulty().functions()
