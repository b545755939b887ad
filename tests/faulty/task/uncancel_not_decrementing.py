"""Injects: uncancel() returns the count of requests without decrementing it (Python 3.11+)."""
from asyncio import tasks

VIOLATES = {"TASK-COUNT-2"}


class Task(tasks._PyTask):
    def uncancel(self):
        return self._num_cancels_requested  # BUG: nothing is decremented
