"""Injects: a process pool that fails fast: once a call could not be pickled, it marks itself broken and refuses
every later call, though its workers are fine."""
import concurrent.futures
import pickle
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError  # noqa: F401

VIOLATES = {"EXEC-PICKLE-1"}
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def submit(self, fn, /, *args, **kwargs):
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._fail_fast)
        return future

    def _fail_fast(self, future):
        error = None if future.cancelled() else future.exception()
        if isinstance(error, (pickle.PicklingError, TypeError, AttributeError)):
            self._broken = "a call could not be pickled"  # BUG: one bad call is not a broken pool
