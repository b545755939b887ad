"""Injects: submit() forgets to check for shutdown, so calls submitted after shutdown() are accepted and run."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _check_open(self):
        if self._broken:  # BUG: no check of self._shutdown
            raise executor.BrokenExecutor(self._broken)
