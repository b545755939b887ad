"""Injects: the worker checks cancelled() instead of calling set_running_or_notify_cancel(), so a started call's
future stays PENDING (and can be cancelled while its call runs)."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-RUN-1"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def _run_call(self, future, fn, args, kwargs):
        if future.cancelled():  # BUG: the future is never moved to RUNNING
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(result)
