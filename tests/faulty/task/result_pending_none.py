"""Injects: result() of a PENDING task returns None instead of raising InvalidStateError."""
from asyncio import tasks

VIOLATES = {"TASK-RESULT-2"}


class Task(tasks._PyTask):
    def result(self):
        if not self.done():
            return None  # BUG
        return super().result()
