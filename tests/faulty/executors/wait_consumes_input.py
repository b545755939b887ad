"""Injects: wait() first checks that every element is a future, iterating fs, then iterates it again: a generator is
empty the second time, so wait() sees no future at all."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-INPUT-2"}
__getattr__ = from_reference


class Waiting(executor.Waiting):
    def wait(self, fs, timeout=None, return_when=executor.ALL_COMPLETED):
        if not all(hasattr(f, "add_done_callback") for f in fs):  # BUG: reads a one-shot iterable up front
            raise TypeError("wait() takes futures")
        return super().wait(fs, timeout, return_when)


wait, as_completed = Waiting().functions()
