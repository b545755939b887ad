"""Injects: `context=` is accepted and ignored: the task runs in a copy of its creator's context, so what the coroutine
sets never reaches the context the caller gave (3.11+)."""
from asyncio import tasks

VIOLATES = {"TASK-CONTEXT-2"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, context=None, **kwargs):
        super().__init__(coro, loop=loop, **kwargs)  # BUG: context dropped
