"""Injects: the abstract base's shutdown() raises NotImplementedError, so a subclass that defines only submit() cannot
be shut down, nor used in a `with` block."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BASE-1"}
__getattr__ = from_reference


class Executor(executor.Executor):
    def shutdown(self, wait=True, *, cancel_futures=False):
        raise NotImplementedError("a subclass of Executor must define shutdown()")  # BUG: the base's to give
