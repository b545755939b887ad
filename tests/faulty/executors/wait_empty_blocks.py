"""Injects: wait() tests FIRST_COMPLETED before "nothing left to wait for": wait([], FIRST_COMPLETED) never returns."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-INPUT-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def condition_met(self, fs, return_when):
        if return_when == executor.FIRST_COMPLETED:
            return any(f.done() for f in fs)  # BUG: never true for an empty fs
        return super().condition_met(fs, return_when)


wait, as_completed = Faulty().functions()
