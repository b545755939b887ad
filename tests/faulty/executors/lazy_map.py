"""Injects: map() is a generator that submits each call only when the iterator reaches its item."""
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-MAP-2"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else time.monotonic() + timeout
        for args in zip(*iterables):  # BUG: nothing is submitted until next()
            future = self.submit(fn, *args)
            try:
                yield future.result(None if deadline is None else max(0.0, deadline - time.monotonic()))
            finally:
                future.cancel()
