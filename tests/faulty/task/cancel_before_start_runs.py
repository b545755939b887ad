"""Injects: a task cancelled before its first step still starts its coroutine, and delivers the request at the
coroutine's first await instead of before its first line."""
from asyncio import tasks

VIOLATES = {"TASK-CANCEL-5"}


class Task(tasks._PyTask):
    _begun = False

    def _Task__step(self, exc=None):  # _PyTask's private __step
        first, self._begun = not self._begun, True
        if first and self._must_cancel:
            self._must_cancel = False  # BUG: the coroutine starts anyway
            super()._Task__step(exc)
            if self._fut_waiter is not None:
                self._fut_waiter.cancel(msg=self._cancel_message)
            return
        super()._Task__step(exc)
