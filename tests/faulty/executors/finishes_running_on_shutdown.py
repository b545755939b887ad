"""Injects: shutdown(cancel_futures=True) also fails the futures of running calls with CancelledError, before their
calls finish."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-SUBMIT-1", "EXEC-SHUTDOWN-3"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _start(self, future):
        vars(self).setdefault("started", []).append(future)  # for shutdown() to find
        return super()._start(future)

    def _take_queued(self):
        for future in vars(self).get("started", ()):
            if future.running():
                future.set_exception(executor.CancelledError())  # BUG: a running call is not the executor's to end
        return super()._take_queued()
