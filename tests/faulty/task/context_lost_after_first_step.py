"""Injects: only the first step runs in the copy of the creator's context; every later step runs in a new, empty
context, so a value the coroutine set (or inherited) is gone after its first await."""
import contextvars
from asyncio import tasks

VIOLATES = {"TASK-CONTEXT-1", "TASK-CONTEXT-2"}  # the given context too, from 3.11


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(coro, loop=loop, **kwargs)
        self._context = contextvars.Context()  # BUG: the later steps' context
