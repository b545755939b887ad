"""Injects: when a worker dies, the pool fails its pending futures one by one with set_exception(), unguarded, before
its usual clean-up: at the first future cancelled while queued, set_exception() raises InvalidStateError, which ends
the manager thread, so the calls queued after it never finish and the pool never says it is broken (CPython's own
bug before 3.12, gh-107219, injected here on every version)."""
import concurrent.futures
from concurrent.futures import process
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError  # noqa: F401

VIOLATES = {"EXEC-BROKEN-2"}
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class _ManagerThread(process._ExecutorManagerThread):
    def terminate_broken(self, cause):
        error = process.BrokenProcessPool("a worker of the pool died")
        for work_item in list(self.pending_work_items.values()):
            work_item.future.set_exception(error)  # BUG: raises InvalidStateError on a future cancelled while queued
        super().terminate_broken(cause)


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def _start_executor_manager_thread(self):
        super()._start_executor_manager_thread()
        self._executor_manager_thread.__class__ = _ManagerThread  # the pool's manager thread, with the bug above
