"""Injects: the worker catches Exception, not BaseException: a KeyboardInterrupt or SystemExit never lands."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SUBMIT-2"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def _run_call(self, future, fn, args, kwargs):
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = fn(*args, **kwargs)
        except Exception as error:  # BUG: a BaseException kills the worker, its future stays RUNNING
            future.set_exception(error)
        else:
            future.set_result(result)
