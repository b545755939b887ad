"""Injects: max_workers has no default; None is refused with ValueError."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-5"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        if max_workers is None:
            raise ValueError("max_workers is required")  # BUG: None means "the default number of workers"
        super().__init__(max_workers, initializer, initargs)
