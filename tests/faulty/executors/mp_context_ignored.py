"""Injects: a process pool that accepts mp_context and drops it, starting every worker with spawn."""
import concurrent.futures
import multiprocessing
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError  # noqa: F401

VIOLATES = {"EXEC-CONTEXT-1"}
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=()):
        super().__init__(max_workers, multiprocessing.get_context("spawn"), initializer, initargs)  # BUG: ignored
