"""Injects: the map() iterator has no finally clause, so closing it leaves its queued calls to run."""
import collections
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-MAP-4"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(collections.deque(futures), deadline)


def _results(futures, deadline):
    while futures:  # BUG: no try/finally cancelling what is left
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        yield futures[0].result(timeout)
        futures.popleft()
