"""Injects: map() with a chunksize above 1 yields the results of each chunk in reverse order."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-7"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        items = list(zip(*iterables))
        chunks = [items[start:start + chunksize] for start in range(0, len(items), chunksize)]
        reordered = [args for chunk in chunks for args in reversed(chunk)]  # BUG: each chunk runs last item first
        return super().map(fn, *zip(*reordered), timeout=timeout)
