"""Injects: the worker retries a call that raised an Exception once, so that call starts twice."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SUBMIT-3"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def _run_call(self, future, fn, args, kwargs):
        if not future.set_running_or_notify_cancel():
            return
        try:
            try:
                result = fn(*args, **kwargs)
            except Exception:
                result = fn(*args, **kwargs)  # BUG: "transient failures" get a second try
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(result)
