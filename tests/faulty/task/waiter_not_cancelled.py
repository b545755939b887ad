"""Injects: cancel() leaves the future the coroutine awaits pending; the request waits until that future completes."""
from asyncio import tasks

VIOLATES = {"TASK-CANCEL-3"}


class Task(tasks._PyTask):
    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        if hasattr(self, "_num_cancels_requested"):  # Python 3.11+
            self._num_cancels_requested += 1
        self._must_cancel = True  # BUG: the awaited future (self._fut_waiter) is not cancelled
        self._cancel_message = msg
        return True
