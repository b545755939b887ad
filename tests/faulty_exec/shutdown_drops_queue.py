"""Injects: workers exit as soon as shutdown() is called, so calls still queued never run (nor are cancelled)."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-SHUTDOWN-2"}


class ThreadPoolExecutor(ref.ThreadPoolExecutor):  # noqa: F811
    def _work_loop(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException as error:
                self._break(f"the initializer raised {type(error).__name__}")
                return
        while True:
            with self._work:
                self._idle += 1
                self._work.wait_for(lambda: self._queue or self._shutdown or self._broken)
                self._idle -= 1
                if not self._queue or self._shutdown:  # BUG: leaves the queued calls behind
                    return
                future, fn, args, kwargs = self._queue.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:
                future.set_exception(error)
            else:
                future.set_result(result)
