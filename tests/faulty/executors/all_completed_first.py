"""Injects: wait(return_when=ALL_COMPLETED) returns once any future is done."""
import threading

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import future as ref_future
from reference.executor import DoneAndNotDoneFutures

VIOLATES = {"WAIT-RETURN-3"}


def wait(fs, timeout=None, return_when=ALL_COMPLETED):  # noqa: F811
    fs = set(fs)
    changed = threading.Condition()

    def notify(_):
        with changed:
            changed.notify_all()

    def condition_met():
        done = [f for f in fs if f.done()]
        if len(done) == len(fs):
            return True
        if return_when in (FIRST_COMPLETED, ALL_COMPLETED):  # BUG: ALL_COMPLETED handled as FIRST_COMPLETED
            return bool(done)
        return return_when == FIRST_EXCEPTION and any(not f.cancelled() and f.exception() is not None for f in done)

    for f in fs:
        f.add_done_callback(notify)
    with changed:
        changed.wait_for(condition_met, None if timeout is None else max(0.0, timeout))
    done = {f for f in fs if f.done()}
    return DoneAndNotDoneFutures(done, fs - done)
