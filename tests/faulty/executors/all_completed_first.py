"""Injects: wait(return_when=ALL_COMPLETED) returns once any future is done."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-3"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def condition_met(self, fs, return_when):
        if return_when == executor.ALL_COMPLETED:
            return_when = executor.FIRST_COMPLETED  # BUG: ALL_COMPLETED handled as FIRST_COMPLETED
        return super().condition_met(fs, return_when)


wait, as_completed = Faulty().functions()
