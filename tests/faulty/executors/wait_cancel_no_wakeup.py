"""Injects: wait() counts a cancelled future as done only once set_running_or_notify_cancel() was called (as CPython
does), so cancel() alone does not end the wait."""
import threading
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import future as ref_future
from reference.executor import DoneAndNotDoneFutures

VIOLATES = {"WAIT-CANCEL-1"}
POLL = 0.01  # set_running_or_notify_cancel() runs no callbacks: the wait looks again this often


def wait(fs, timeout=None, return_when=ALL_COMPLETED):  # noqa: F811
    fs = set(fs)
    changed = threading.Condition()

    def notify(_):
        with changed:
            changed.notify_all()

    def finished(f):
        return f._state in (ref_future.FINISHED, ref_future.CANCELLED_AND_NOTIFIED)  # BUG: not f.done()

    def condition_met():
        done = [f for f in fs if finished(f)]
        if len(done) == len(fs):
            return True
        if return_when == FIRST_COMPLETED:
            return bool(done)
        return return_when == FIRST_EXCEPTION and any(not f.cancelled() and f.exception() is not None for f in done)

    for f in fs:
        f.add_done_callback(notify)
    end = None if timeout is None else time.monotonic() + max(0.0, timeout)
    with changed:
        while not condition_met():
            remaining = POLL if end is None else min(POLL, end - time.monotonic())
            if remaining <= 0:
                break
            changed.wait(remaining)
    done = {f for f in fs if f.done()}
    return DoneAndNotDoneFutures(done, fs - done)
