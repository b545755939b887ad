"""Injects: wait(return_when=FIRST_COMPLETED) returns at once, before any future is done."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def condition_met(self, fs, return_when):
        if return_when == executor.FIRST_COMPLETED:
            return True  # BUG: met before anything is done
        return super().condition_met(fs, return_when)


wait, as_completed = Faulty().functions()
