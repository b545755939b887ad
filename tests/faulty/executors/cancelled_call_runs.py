"""Injects: the worker ignores set_running_or_notify_cancel()'s answer, so a call cancelled while queued still runs."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-CANCEL-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
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
