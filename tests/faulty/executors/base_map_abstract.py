"""Injects: the abstract base leaves map() to its subclasses too (it raises NotImplementedError), so a subclass that
defines only submit() has no map()."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BASE-1"}
__getattr__ = from_reference


class Executor(executor.Executor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        raise NotImplementedError("a subclass of Executor must define map()")  # BUG: map() is the base's to give
