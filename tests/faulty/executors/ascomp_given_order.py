"""Injects: as_completed() waits for the futures one by one in the order given, not in the order they finish."""
import time

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)

VIOLATES = {"ASCOMP-ORDER-1"}


def as_completed(fs, timeout=None):  # noqa: F811
    deadline = None if timeout is None else time.monotonic() + timeout
    return _yield(list(dict.fromkeys(fs)), deadline)


def _yield(fs, deadline):
    for index, f in enumerate(fs):  # BUG: a later future that finishes first waits its turn
        done, _ = wait([f], None if deadline is None else max(0.0, deadline - time.monotonic()))
        if not done:
            raise TimeoutError(f"{len(fs) - index} (of {len(fs)}) futures unfinished")
        yield f
