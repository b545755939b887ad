"""Injects: workers exit as soon as shutdown() is called, so calls still queued never run (nor are cancelled)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _next_call(self):
        queued = super()._next_call()
        return None if self._shutdown else queued  # BUG: leaves the queued calls behind
