"""Injects: `eager_start=True` is accepted and ignored: the task's first step waits for the next loop iteration, so an
eager task that could finish at once is still pending when made (3.12+)."""
from asyncio import tasks

VIOLATES = {"TASK-EAGER-1"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, eager_start=False, **kwargs):
        super().__init__(coro, loop=loop, **kwargs)  # BUG: eager_start dropped
