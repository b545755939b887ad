"""Injects: as_completed()'s TimeoutError says nothing of how many futures are unfinished."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-TIMEOUT-2"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def timeout_error(self, unfinished, total):
        return executor.TimeoutError("as_completed() timed out")  # BUG: no counts


wait, as_completed = Faulty().functions()
