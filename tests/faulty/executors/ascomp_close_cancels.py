"""Injects: closing the as_completed() iterator early cancels the futures it has not yielded."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"ASCOMP-CLOSE-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def yield_as_completed(self, fs, finished, time_left):
        try:
            yield from super().yield_as_completed(fs, finished, time_left)
        finally:
            for f in fs:  # BUG: "clean up" what the caller abandoned
                f.cancel()


wait, as_completed = Faulty().functions()
