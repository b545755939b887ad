"""Injects: max_workers=0 is accepted (only negative values are rejected)."""
import os

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-START-4"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers == 0:
            max_workers = 1  # BUG: "0 means the smallest pool" instead of ValueError
        super().__init__(max_workers, initializer, initargs)
