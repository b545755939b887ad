"""Injects: when the future the coroutine awaits completes, the coroutine resumes one loop iteration late."""
from asyncio import tasks

VIOLATES = {"TASK-RUN-2", "TASK-CANCEL-2"}


class Task(tasks._PyTask):
    _delayed = False

    def _Task__wakeup(self, future):  # _PyTask's private __wakeup, the awaited future's done-callback
        if not self._delayed:
            self._delayed = True
            self._loop.call_soon(self._Task__wakeup, future)  # BUG: waits one more iteration
            return
        self._delayed = False
        super()._Task__wakeup(future)
