"""Injects: the worker catches Exception, not BaseException: a KeyboardInterrupt or SystemExit never lands."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SUBMIT-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _run_call(self, future, fn, args, kwargs):
        if not self._start(future):
            return
        try:
            result = fn(*args, **kwargs)
        except Exception as error:  # BUG: a BaseException kills the worker, its future stays RUNNING
            future.set_exception(error)
        else:
            future.set_result(result)
