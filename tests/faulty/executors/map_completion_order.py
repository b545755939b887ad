"""Injects: map() yields results in the order the calls finish, not in the order of the items."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _next_result(self, pending, timeout):
        future = next(executor.as_completed(pending, timeout))  # BUG: whichever finished first
        pending.remove(future)
        return future.result()
