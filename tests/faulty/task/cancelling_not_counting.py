"""Injects: cancelling() says whether the task was asked to cancel (0 or 1), not how many times (Python 3.11+)."""
from asyncio import tasks

VIOLATES = {"TASK-COUNT-1"}


class Task(tasks._PyTask):
    def cancelling(self):
        return min(super().cancelling(), 1)  # BUG: two requests count as one
