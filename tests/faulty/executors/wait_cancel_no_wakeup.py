"""Injects: wait() counts a cancelled future as done only once set_running_or_notify_cancel() was called (as CPython
does), so cancel() alone does not end the wait."""
from reference import executor, future
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-CANCEL-1"}
__getattr__ = from_reference

POLL = 0.01  # set_running_or_notify_cancel() runs no callbacks: the wait looks again this often


class Faulty(executor.Waiting):
    def condition_met(self, fs, return_when):
        done = [f for f in fs if f._state in (future.FINISHED, future.CANCELLED_AND_NOTIFIED)]  # BUG: not f.done()
        if len(done) == len(fs):
            return True
        if return_when == executor.FIRST_COMPLETED:
            return bool(done)
        return return_when == executor.FIRST_EXCEPTION and any(not f.cancelled() and f.exception() is not None
                                                                for f in done)

    def block(self, changed, condition, timeout):
        time_left = executor.countdown(timeout)
        while not condition() and time_left() != 0:
            changed.wait(POLL if time_left() is None else min(POLL, time_left()))


wait, as_completed = Faulty().functions()
