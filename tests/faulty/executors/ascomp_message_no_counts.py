"""Injects: as_completed()'s TimeoutError says nothing of how many futures are unfinished."""
import queue
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)

VIOLATES = {"ASCOMP-TIMEOUT-2"}


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
            raise TimeoutError("as_completed() timed out") from None  # BUG: no counts
        pending.discard(f)
        yield f
