"""Injects: cancel() cancels the task at once, as if it were a plain future, instead of requesting it."""
from asyncio import futures, tasks

VIOLATES = {"TASK-CANCEL-1"}


class Task(tasks._PyTask):
    def cancel(self, msg=None):
        return futures._PyFuture.cancel(self, msg)  # BUG: the coroutine gets no say
