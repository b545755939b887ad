"""Injects: map() yields the exception a call raised as if it were its result, and goes on."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-3"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _next_result(self, pending, timeout):
        error = pending[0].exception(timeout)
        future = pending.popleft()
        return error if error is not None else future.result()  # BUG: an exception is yielded, not raised
