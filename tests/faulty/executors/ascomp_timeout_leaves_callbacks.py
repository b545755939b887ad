"""Injects: as_completed() takes its callbacks back when its iterator ends or is closed, but not when it raises its
TimeoutError: the futures still pending keep them (and the queue they fill) for as long as they live."""
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
        except executor.TimeoutError:
            raise  # BUG: out of a timeout without the clean-up
        except BaseException:
            self.uninstall(fs, finished.put)
            raise
        self.uninstall(fs, finished.put)


wait, as_completed = Faulty().functions()
