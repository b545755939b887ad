"""Injects: shutdown(wait=False) joins the workers all the same, so it blocks until every call has finished."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-6"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(True, cancel_futures=cancel_futures)  # BUG: wait=False is ignored
