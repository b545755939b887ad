"""Injects: the worker ignores set_running_or_notify_cancel()'s answer, so a call cancelled while queued still runs."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-CANCEL-1"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def _run_call(self, future, fn, args, kwargs):
        future.set_running_or_notify_cancel()  # BUG: False (cancelled) is not acted upon
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:
            if not future.done():
                future.set_exception(error)
        else:
            if not future.done():
                future.set_result(result)
