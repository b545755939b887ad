"""Injects: a second shutdown() raises RuntimeError instead of doing nothing."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SHUTDOWN-5"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._shutdown:
            raise RuntimeError("executor already shut down")  # BUG
        super().shutdown(wait, cancel_futures=cancel_futures)
