"""Injects: the worker retries a call that raised an Exception once, so that call starts twice."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SUBMIT-3"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _run_call(self, future, fn, args, kwargs):
        def retried(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception:
                return fn(*args, **kwargs)  # BUG: "transient failures" get a second try
        super()._run_call(future, retried, args, kwargs)
