"""Injects: wait(return_when=FIRST_EXCEPTION) treats a cancelled future as one that raised."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-2"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def condition_met(self, fs, return_when):
        if return_when == executor.FIRST_EXCEPTION and any(f.cancelled() for f in fs):
            return True  # BUG: a cancelled future counts as one that raised
        return super().condition_met(fs, return_when)


wait, as_completed = Faulty().functions()
