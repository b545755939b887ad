"""Injects: map()'s timeout is applied afresh to each next(), not counted from the call to map()."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-5"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return self._results_in_order(futures, lambda: timeout)  # BUG: each item gets the whole timeout again
