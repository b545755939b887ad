"""Injects: a process pool that validates max_tasks_per_child, then drops it: a worker runs every call it gets."""
import concurrent.futures
import sys
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError  # noqa: F401

VIOLATES = {"EXEC-TASKS-1"}
NEEDS = "Python 3.11+ (max_tasks_per_child)" if sys.version_info < (3, 11) else None
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_tasks_per_child is not None and max_tasks_per_child <= 0:
            raise ValueError("max_tasks_per_child must be >= 1")
        super().__init__(max_workers, mp_context, initializer, initargs)  # BUG: the limit never reaches the workers
