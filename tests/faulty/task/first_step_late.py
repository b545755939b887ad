"""Injects: the coroutine's first step waits one loop iteration more than it should."""
from asyncio import tasks

VIOLATES = {"TASK-RUN-1", "TASK-CANCEL-5"}


class Task(tasks._PyTask):
    _begun = False

    def _Task__step(self, exc=None):  # _PyTask's private __step
        if not self._begun:
            self._begun = True
            self._loop.call_soon(self._Task__step, exc)  # BUG: the first step is put off
            return
        super()._Task__step(exc)
