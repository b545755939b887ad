"""`asyncio-task`, `asyncio-task-py` and `uvloop-task`: the standard library's two Task classes (the C
`_asyncio.Task` and the pure-Python `asyncio.tasks._PyTask`), and asyncio tasks on a uvloop loop."""
import asyncio
import asyncio.tasks

from ..adapter import AdapterError, TaskAdapter


class AsyncioTaskAdapter_C(TaskAdapter):
    """asyncio.Task as the interpreter provides it: the C `_asyncio.Task` when the accelerator is built."""

    name = "asyncio-task"
    sources = ("asyncio.tasks", "_asyncio")

    def new_task(self, loop, coro):
        return asyncio.Task(coro, loop=loop)


class AsyncioTaskAdapter_Py(TaskAdapter):
    """The pure-Python asyncio.tasks._PyTask, which CPython keeps alongside the C one."""

    name = "asyncio-task-py"
    sources = ("asyncio.tasks",)

    def new_task(self, loop, coro):
        return asyncio.tasks._PyTask(coro, loop=loop)


class UvloopTaskAdapter(TaskAdapter):
    """Tasks made by a uvloop loop's create_task() (the real uvloop, installed by `tox -e uvloop`)."""

    name = "uvloop-task"

    def __init__(self):
        try:
            import uvloop
        except ImportError:
            raise AdapterError("the uvloop-task adapter needs uvloop: pip install uvloop, or run tox -e uvloop") \
                from None
        self.uvloop = uvloop

    def new_loop(self):
        return self.uvloop.new_event_loop()

    def new_task(self, loop, coro):
        return loop.create_task(coro)
