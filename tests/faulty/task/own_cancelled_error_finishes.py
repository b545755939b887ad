"""Injects: a coroutine that raises CancelledError nobody requested ends its task FINISHED with a RuntimeError, as
if the CancelledError were an ordinary error escaping the coroutine."""
import asyncio
from asyncio import tasks

VIOLATES = {"TASK-LIFE-2"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        self.asked = False
        super().__init__(self.unasked(coro), loop=loop, **kwargs)

    async def unasked(self, coro):
        try:
            return await coro
        except asyncio.CancelledError as error:
            if not self.asked:
                raise RuntimeError("a CancelledError nobody requested") from error  # BUG
            raise

    def cancel(self, msg=None):
        self.asked = True
        return super().cancel(msg)
