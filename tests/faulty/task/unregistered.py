"""Injects: the task never registers itself with asyncio, so `asyncio.all_tasks()` does not hold it while it is
pending (a Task class written elsewhere that forgot `_register_task()`)."""
from asyncio import tasks

VIOLATES = {"TASK-LIFE-5"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(coro, loop=loop, **kwargs)
        tasks._unregister_task(self)  # BUG
