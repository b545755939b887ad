"""Injects: map() over several iterables runs to the end of the longest one, filling the others with None."""
import itertools

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-9"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        time_left = executor.countdown(timeout)
        futures = [self.submit(fn, *args) for args in itertools.zip_longest(*iterables)]  # BUG: not zip()
        return self._results_in_order(futures, time_left)
