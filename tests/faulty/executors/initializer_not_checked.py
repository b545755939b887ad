"""Injects: a non-callable initializer is accepted; the executor only breaks once a worker tries to call it."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-INIT-2"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        super().__init__(max_workers, None, initargs)
        self._initializer = initializer  # BUG: not checked to be callable
