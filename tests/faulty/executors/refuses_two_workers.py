"""Injects: a pool of exactly two workers is refused. The executor machine's every example begins by making an
executor, so once EXEC-START-4 is known broken, an example that meets it again has nothing left to judge: it is
discarded, never an internal error (judging.opening)."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-START-4"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        if max_workers == 2:
            raise ValueError("two workers are not supported")  # BUG: any positive max_workers must be accepted
        super().__init__(max_workers, initializer, initargs)
