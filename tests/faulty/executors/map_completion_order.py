"""Injects: map() yields results in the order the calls finish, not in the order of the items."""
import collections
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-MAP-1"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _in_completion_order(futures, deadline)


def _in_completion_order(futures, deadline):
    pending = collections.deque(futures)
    try:
        for future in ref.as_completed(futures, None if deadline is None else deadline - time.monotonic()):
            pending.remove(future)
            yield future.result()  # BUG: whichever finished first
    finally:
        for future in pending:
            future.cancel()
