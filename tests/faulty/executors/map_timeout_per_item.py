"""Injects: map()'s timeout is applied afresh to each next(), not counted from the call to map()."""
import collections

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-MAP-5"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(collections.deque(futures), timeout)


def _results(futures, timeout):
    try:
        while futures:
            yield futures[0].result(timeout)  # BUG: each item gets the whole timeout again
            futures.popleft()
    finally:
        for future in futures:
            future.cancel()
