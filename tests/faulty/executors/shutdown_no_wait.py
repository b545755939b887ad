"""Injects: shutdown(wait=True) returns at once instead of joining the workers."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SHUTDOWN-4"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(False, cancel_futures=cancel_futures)  # BUG: never waits
