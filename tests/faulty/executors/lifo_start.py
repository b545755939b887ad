"""Injects: submit() pushes calls on the front of the queue, so queued calls start last-in, first-out."""
import threading

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-START-3"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def submit(self, fn, *args, **kwargs):
        with self._work:
            if self._broken:
                raise BrokenExecutor(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot submit after shutdown")
            future = Future()
            self._queue.appendleft((future, fn, args, kwargs))  # BUG: a stack, not a queue
            if self._idle < len(self._queue) and len(self._workers) < self._max_workers:
                worker = threading.Thread(target=self._work_loop, daemon=True)
                self._workers.append(worker)
                worker.start()
            self._work.notify()
        return future
