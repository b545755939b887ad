"""Injects: workers exit as soon as shutdown() is called, so calls still queued never run (nor are cancelled)."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SHUTDOWN-2"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def _next_call(self):
        with self._work:
            self._idle += 1
            self._work.wait_for(lambda: self._queue or self._shutdown or self._broken)
            self._idle -= 1
            if not self._queue or self._shutdown:  # BUG: leaves the queued calls behind
                return None
            return self._queue.popleft()
