"""Injects: submit() forgets to check for shutdown, so calls submitted after shutdown() are accepted and run."""
import threading

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SHUTDOWN-1"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def submit(self, fn, *args, **kwargs):
        with self._work:
            if self._broken:
                raise BrokenExecutor(self._broken)
            # BUG: no check of self._shutdown
            future = Future()
            self._queue.append((future, fn, args, kwargs))
            if self._idle < len(self._queue) and len(self._workers) < self._max_workers:
                worker = threading.Thread(target=self._work_loop, daemon=True)
                self._workers.append(worker)
                worker.start()
            self._work.notify()
        return future
