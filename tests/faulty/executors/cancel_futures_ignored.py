"""Injects: shutdown() ignores cancel_futures=True: queued calls are neither cancelled nor dropped, and run."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SHUTDOWN-3"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _take_queued(self):
        return ()  # BUG: cancel_futures=True is ignored: the queued calls stay queued, and run
