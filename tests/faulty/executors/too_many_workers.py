"""Injects: an off-by-one in the worker limit, so max_workers + 1 calls run at once."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, max_workers, initializer=None, initargs=()):
        super().__init__(max_workers, initializer, initargs)
        self._max_workers += 1  # BUG: "workers beside the first one"
