"""Injects: the worker ignores set_running_or_notify_cancel()'s answer, so a call cancelled while queued still runs."""
from reference.executor import *  # noqa: F401,F403
from reference.executor import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor,  # noqa: F401
                                CancelledError, Future, InvalidStateError, ThreadPoolExecutor, TimeoutError,
                                as_completed, wait)
from reference import executor as ref

VIOLATES = {"EXEC-CANCEL-1"}


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
                if not self._queue:
                    return
                future, fn, args, kwargs = self._queue.popleft()
            future.set_running_or_notify_cancel()  # BUG: False (cancelled) is not acted upon
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:
                outcome = (future.set_exception, error)
            else:
                outcome = (future.set_result, result)
            if not future.done():
                outcome[0](outcome[1])
