"""Injects: submit() marks the future RUNNING when the call is queued, not when a worker starts it."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-RUN-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _enqueue(self, call):
        call[0].set_running_or_notify_cancel()  # BUG: too early; the call is only queued
        super()._enqueue(call)

    def _start(self, future):
        return True  # RUNNING since submit(), so it cannot have been cancelled
