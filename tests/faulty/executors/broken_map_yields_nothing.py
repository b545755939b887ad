"""Injects: map() on a broken executor returns an iterator that yields nothing, where submit() raises: a loop over its
results silently does nothing."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-BROKEN-5"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if self._broken:
            return iter(())  # BUG: nothing to run, so nothing to yield
        return super().map(fn, *iterables, timeout=timeout, chunksize=chunksize)
