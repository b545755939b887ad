"""Injects: a next() that times out ends map()'s iterator without cancelling the calls not started (closing it still
cancels them), so they run after the caller has given up on them."""
from concurrent.futures import TimeoutError

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _next_result(self, pending, timeout):
        try:
            return super()._next_result(pending, timeout)
        except TimeoutError:
            pending.clear()  # BUG: nothing left for the iterator's finally clause to cancel
            raise
