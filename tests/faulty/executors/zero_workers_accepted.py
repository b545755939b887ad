"""Injects: max_workers=0 is accepted (only negative values are rejected)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, max_workers, initializer=None, initargs=()):
        super().__init__(max_workers or 1, initializer, initargs)  # BUG: "0 means the smallest pool", no ValueError
