"""Injects: a SystemExit raised by the coroutine is treated as an ordinary error: the task ends with a RuntimeError and
the loop's run goes on, so `sys.exit()` inside a task does not end the program."""
from asyncio import tasks

VIOLATES = {"TASK-LIFE-4"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self.tame(coro), loop=loop, **kwargs)

    async def tame(self, coro):
        try:
            return await coro
        except SystemExit as exiting:
            raise RuntimeError("exiting") from exiting  # BUG: it must leave the loop
