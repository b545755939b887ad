"""Injects: with a chunksize above 1, a call that raises stands for the whole map(): the iterator waits for every
call and raises the first exception before it yields anything, so the results of the chunks before the raising one
are lost too (EXEC-MAP-8 allows losing only the raising call's own chunk)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-3"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        iterator = super().map(fn, *iterables, timeout=timeout)
        if chunksize == 1:
            return iterator
        return iter(list(iterator))  # BUG: the first exception escapes before any result is yielded
