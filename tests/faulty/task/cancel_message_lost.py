"""Injects: cancel(msg) cancels the awaited future without the message: the coroutine gets CancelledError()."""
from asyncio import tasks

VIOLATES = {"TASK-CANCEL-3"}


class Task(tasks._PyTask):
    def cancel(self, msg=None):
        return super().cancel()  # BUG: msg is dropped
