"""Injects: shutdown(wait=True) returns at once instead of joining the workers."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _join(self, workers):
        pass  # BUG: never waits
