"""Injects: wait() raises TimeoutError when its timeout expires before its condition is met."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-TIMEOUT-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def block(self, changed, condition, timeout):
        if not changed.wait_for(condition, None if timeout is None else max(0.0, timeout)):
            raise executor.TimeoutError(f"wait() timed out after {timeout} s")  # BUG


wait, as_completed = Faulty().functions()
