"""Injects: as_completed() takes its callbacks back when its iterator is exhausted or times out, but not when the
iterator is closed or collected early: a future finished and not yet yielded stays referenced by the pending ones."""
import queue

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-CLEAN-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def installed(self, fs, time_left):
        finished = queue.SimpleQueue()
        for f in fs:
            f.add_done_callback(finished.put)
        try:
            yield from self.yield_as_completed(fs, finished, time_left)
        except Exception:  # BUG: GeneratorExit (close(), collection) is a BaseException, and skips the clean-up
            self.uninstall(fs, finished.put)
            raise
        self.uninstall(fs, finished.put)


wait, as_completed = Faulty().functions()
