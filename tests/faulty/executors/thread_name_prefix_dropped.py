"""Injects: thread_name_prefix is accepted, then dropped, so the workers keep their default names."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-8"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, max_workers=None, initializer=None, initargs=(), *, thread_name_prefix=""):
        super().__init__(max_workers, initializer, initargs)  # BUG: the prefix never reaches the workers
