"""Injects: when as_completed()'s timeout expires, the iterator just ends instead of raising TimeoutError."""
import queue
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)

VIOLATES = {"ASCOMP-TIMEOUT-1"}


def as_completed(fs, timeout=None):  # noqa: F811
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    finished = queue.SimpleQueue()
    for f in fs:
        f.add_done_callback(finished.put)
    return _yield(fs, finished, deadline)


def _yield(fs, finished, deadline):
    pending = set(fs)
    while pending:
        try:
            f = finished.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return  # BUG: the caller cannot tell a timeout from the end
        pending.discard(f)
        yield f
