"""Injects: map() is a generator that submits each call only when the iterator reaches its item."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        time_left = executor.countdown(timeout)
        for args in zip(*iterables):  # BUG: nothing is submitted until next()
            yield from self._results_in_order([self.submit(fn, *args)], time_left)
