"""Injects: a KeyboardInterrupt raised by the coroutine is treated as an ordinary error: the task ends with a
RuntimeError and the loop's run goes on, so nobody can stop the program with Ctrl-C inside a task."""
from asyncio import tasks

VIOLATES = {"TASK-LIFE-4"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self.tame(coro), loop=loop, **kwargs)

    async def tame(self, coro):
        try:
            return await coro
        except KeyboardInterrupt as interrupt:
            raise RuntimeError("interrupted") from interrupt  # BUG: it must leave the loop
