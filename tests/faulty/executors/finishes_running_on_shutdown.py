"""Injects: shutdown(cancel_futures=True) also fails the futures of running calls with CancelledError, before their
calls finish."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SUBMIT-1", "EXEC-SHUTDOWN-3"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def submit(self, fn, *args, **kwargs):
        future = super().submit(fn, *args, **kwargs)
        self._all = getattr(self, "_all", [])
        self._all.append(future)
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        if cancel_futures:
            for future in getattr(self, "_all", []):
                if future.running():
                    future.set_exception(CancelledError())  # BUG: a running call is not the executor's to end
        super().shutdown(wait, cancel_futures=cancel_futures)

    def _run_call(self, future, fn, args, kwargs):
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:
            outcome = (future.set_exception, error)
        else:
            outcome = (future.set_result, result)
        if not future.done():  # the buggy shutdown() may have finished it already
            outcome[0](outcome[1])
