"""Injects: map() yields the exception a call raised as if it were its result, and goes on."""
import collections
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-MAP-3"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(collections.deque(futures), deadline)


def _results(futures, deadline):
    try:
        while futures:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            error = futures[0].exception(timeout)
            yield error if error is not None else futures[0].result(0)  # BUG: an exception is yielded, not raised
            futures.popleft()
    finally:
        for future in futures:
            future.cancel()
