"""Injects: cancel() called by a task's own coroutine, during its step, is refused (returns False, no request)."""
import asyncio
from asyncio import tasks

VIOLATES = {"TASK-LIFE-1"}


class Task(tasks._PyTask):
    def cancel(self, msg=None):
        if asyncio.current_task(self.get_loop()) is self:
            return False  # BUG: a task may cancel itself
        return super().cancel(msg)
