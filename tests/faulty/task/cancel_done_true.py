"""Injects: cancel() on a done task returns True (and changes nothing else)."""
from asyncio import tasks

VIOLATES = {"TASK-CANCEL-6"}


class Task(tasks._PyTask):
    def cancel(self, msg=None):
        if self.done():
            return True  # BUG: must return False
        return super().cancel(msg)
