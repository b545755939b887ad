"""Injects: an off-by-one in the worker limit, so max_workers + 1 calls run at once."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-START-2"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        super().__init__(max_workers, initializer, initargs)
        self._max_workers += 1  # BUG: "workers beside the first one"
