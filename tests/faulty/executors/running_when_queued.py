"""Injects: submit() marks the future RUNNING when the call is queued, not when a worker starts it."""
import threading

from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-RUN-2"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def submit(self, fn, *args, **kwargs):
        with self._work:
            if self._broken:
                raise BrokenExecutor(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot submit after shutdown")
            future = Future()
            future.set_running_or_notify_cancel()  # BUG: too early; the worker starts it again below
            self._queue.append((future, fn, args, kwargs))
            if self._idle < len(self._queue) and len(self._workers) < self._max_workers:
                worker = threading.Thread(target=self._work_loop, daemon=True)
                self._workers.append(worker)
                worker.start()
            self._work.notify()
        return future

    def _run_call(self, future, fn, args, kwargs):
        if future.cancelled():  # already RUNNING since submit(), so it could not have been cancelled
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(result)
