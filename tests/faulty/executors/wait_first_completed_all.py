"""Injects: wait(return_when=FIRST_COMPLETED) waits for every future, like ALL_COMPLETED."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def condition_met(self, fs, return_when):
        if return_when == executor.FIRST_COMPLETED:
            return_when = executor.ALL_COMPLETED  # BUG: FIRST_COMPLETED is not looked at
        return super().condition_met(fs, return_when)


wait, as_completed = Faulty().functions()
