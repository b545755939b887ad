"""Injects: the map() iterator has no finally clause, so closing it leaves its queued calls to run."""
import collections

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _results_in_order(self, futures, time_left):
        pending = collections.deque(futures)
        while pending:  # BUG: no try/finally cancelling what is left
            yield self._next_result(pending, time_left())
