"""Injects: as_completed() does not remove duplicates, so a future given twice is yielded twice."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-ONCE-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def distinct(self, fs):
        return list(fs)  # BUG: not list(dict.fromkeys(fs))


wait, as_completed = Faulty().functions()
