"""Injects: the task's done-callbacks run synchronously, inside the step that completes it, instead of being
scheduled on the loop."""
from asyncio import tasks

VIOLATES = {"TASK-CB-1"}


class Task(tasks._PyTask):
    def _Future__schedule_callbacks(self):  # _PyFuture's private __schedule_callbacks
        callbacks, self._callbacks[:] = self._callbacks[:], []
        for callback, context in callbacks:
            context.run(callback, self)  # BUG: must be self._loop.call_soon(callback, self, context=context)
