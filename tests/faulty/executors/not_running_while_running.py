"""Injects: the worker checks cancelled() instead of calling set_running_or_notify_cancel(), so a started call's
future stays PENDING (and can be cancelled while its call runs)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-RUN-1"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _start(self, future):
        return not future.cancelled()  # BUG: the future is never moved to RUNNING
