"""Injects: the initializer runs before every call instead of once per worker."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-INIT-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _run_call(self, future, fn, args, kwargs):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)  # BUG: again before every call
            except BaseException as error:
                self._break(f"the initializer raised {type(error).__name__}")
                return
        super()._run_call(future, fn, args, kwargs)
