"""`task-class:DOTTED.NAME` — check any Task class meant to be asyncio-compatible, as `cls(coro, loop=loop)`.

It declares `context` (3.11+) and `eager` (3.12+) when the class's signature takes `context=` and `eager_start=`
(or passes any keyword on, `**kwargs`), as asyncio's Task does."""
import inspect
import sys

from ..adapter import TaskAdapter
from .aio_class import import_class
from .asyncio_task import task_options


def keywords(task_class):
    """The capabilities the class's signature allows: what it names, or everything when it takes **kwargs."""
    try:
        parameters = inspect.signature(task_class).parameters.values()
    except (TypeError, ValueError):  # a class without a readable signature: offer nothing optional
        return frozenset()
    names = {p.name for p in parameters}
    anything = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)
    return frozenset({"context"} if sys.version_info >= (3, 11) and (anything or "context" in names) else ()) | \
        frozenset({"eager"} if sys.version_info >= (3, 12) and (anything or "eager_start" in names) else ())


class TaskClassAdapter(TaskAdapter):
    def __init__(self, task_class, name):
        self.task_class = task_class
        self.name = name
        self.capabilities = keywords(task_class)

    def new_task(self, loop, coro, **options):
        return self.task_class(coro, loop=loop, **task_options(**options))


def load(dotted_name):
    return TaskClassAdapter(import_class("task-class", dotted_name), f"task-class:{dotted_name}")
