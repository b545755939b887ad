"""Injects: a process pool that takes max_tasks_per_child=0 (or below) to mean "no limit" instead of refusing it."""
import concurrent.futures
import sys
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError  # noqa: F401

VIOLATES = {"EXEC-TASKS-2"}
NEEDS = "Python 3.11+ (max_tasks_per_child)" if sys.version_info < (3, 11) else None
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_tasks_per_child is not None and max_tasks_per_child <= 0:
            max_tasks_per_child = None  # BUG: a bad value is taken as no limit, no ValueError
        super().__init__(max_workers, mp_context, initializer, initargs, max_tasks_per_child=max_tasks_per_child)
