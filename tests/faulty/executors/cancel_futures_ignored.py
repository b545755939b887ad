"""Injects: shutdown() ignores cancel_futures=True: queued calls are neither cancelled nor dropped, and run."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SHUTDOWN-3"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(wait)  # BUG: cancel_futures is not passed on
