"""Injects: as_completed()'s iterator survives its TimeoutError: the next next() waits again (with no time left) and
yields what finished meanwhile, where the iterator must be exhausted."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-TIMEOUT-4"}
__getattr__ = from_reference


class Resuming:
    def __init__(self, waiting, fs, time_left):
        self.remaining = list(fs)
        self.iterator = waiting.installed(self.remaining, time_left)
        self.waiting, self.time_left = waiting, time_left

    def __iter__(self):
        return self

    def __next__(self):
        try:
            f = next(self.iterator)
        except executor.TimeoutError:
            self.iterator = self.waiting.installed(list(self.remaining), self.time_left)  # BUG: starts over
            raise
        self.remaining.remove(f)
        return f

    def close(self):
        self.iterator.close()


class Faulty(executor.Waiting):
    def as_completed(self, fs, timeout=None):
        return Resuming(self, self.distinct(fs), executor.countdown(timeout))


wait, as_completed = Faulty().functions()
