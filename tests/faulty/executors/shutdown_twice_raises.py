"""Injects: a second shutdown() raises RuntimeError instead of doing nothing."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-5"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._shutdown:
            raise RuntimeError("executor already shut down")  # BUG
        super().shutdown(wait, cancel_futures=cancel_futures)
