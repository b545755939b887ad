"""Injects: submit() never notifies idle workers, so a call queued while a worker idles waits for ever."""
import threading

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-START-1"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def submit(self, fn, *args, **kwargs):
        with self._work:
            if self._broken:
                raise BrokenExecutor(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot submit after shutdown")
            future = Future()
            self._queue.append((future, fn, args, kwargs))
            if self._idle < len(self._queue) and len(self._workers) < self._max_workers:
                worker = threading.Thread(target=self._work_loop, daemon=True)
                self._workers.append(worker)
                worker.start()
            # BUG: no self._work.notify(): an idle worker sleeps through the new call
        return future
