"""Injects: wait() puts a future cancelled by cancel() alone (not yet notified) in not_done."""
from reference import executor, future
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-DONE-1"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def split(self, fs):
        done = {f for f in fs if f._state in (future.FINISHED, future.CANCELLED_AND_NOTIFIED)}  # BUG
        return executor.DoneAndNotDoneFutures(done, set(fs) - done)


wait, as_completed = Faulty().functions()
