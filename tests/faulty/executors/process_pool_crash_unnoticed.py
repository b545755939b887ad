"""Injects: a process pool that, once a worker has died, hides it: submit() still returns a future (which never
finishes) instead of raising BrokenProcessPool."""
import concurrent.futures
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError

VIOLATES = {"EXEC-BROKEN-2"}
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def submit(self, fn, *args, **kwargs):
        try:
            return super().submit(fn, *args, **kwargs)
        except BrokenExecutor:
            return Future()  # BUG: a broken pool must refuse new work
