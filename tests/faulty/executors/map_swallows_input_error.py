"""Injects: map() takes an error of its input (or of submit()) for the end of the input, and yields the results of
the calls it did submit: the caller never learns that items were lost."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-11"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        time_left = executor.countdown(timeout)
        futures = []
        try:
            for args in zip(*iterables):
                futures.append(self.submit(fn, *args))
        except Exception:
            pass  # BUG: the input "ended" there
        return self._results_in_order(futures, time_left)
