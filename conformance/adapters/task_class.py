"""`task-class:DOTTED.NAME` — check any Task class meant to be asyncio-compatible, as `cls(coro, loop=loop)`."""
from ..adapter import TaskAdapter
from .aio_class import import_class


class TaskClassAdapter(TaskAdapter):
    def __init__(self, task_class, name):
        self.task_class = task_class
        self.name = name

    def new_task(self, loop, coro):
        return self.task_class(coro, loop=loop)


def load(dotted_name):
    return TaskClassAdapter(import_class("task-class", dotted_name), f"task-class:{dotted_name}")
