"""`asyncio-task`, `asyncio-task-py` and `uvloop-task`: the standard library's two Task classes (the C
`_asyncio.Task` and the pure-Python `asyncio.tasks._PyTask`), and asyncio tasks on a uvloop loop.

The stdlib's Tasks take `context=` from 3.11 and `eager_start=` from 3.12, so the capabilities they declare depend on
the running Python: below it, the clauses that need them are not applicable."""
import asyncio
import asyncio.tasks
import sys

from ..adapter import AdapterError, TaskAdapter

CONTEXT = frozenset({"context"} if sys.version_info >= (3, 11) else ())
EAGER = frozenset({"eager"} if sys.version_info >= (3, 12) else ())


def task_options(context=None, eager=False):
    """The keywords of the stdlib's Task constructor for the suite's context= and eager=."""
    return {**({"context": context} if context is not None else {}), **({"eager_start": True} if eager else {})}


class AsyncioTaskAdapter_C(TaskAdapter):
    """asyncio.Task as the interpreter provides it: the C `_asyncio.Task` when the accelerator is built."""

    name = "asyncio-task"
    sources = ("asyncio.tasks", "_asyncio")
    capabilities = CONTEXT | EAGER

    def new_task(self, loop, coro, **options):
        return asyncio.Task(coro, loop=loop, **task_options(**options))


class AsyncioTaskAdapter_Py(TaskAdapter):
    """The pure-Python asyncio.tasks._PyTask, which CPython keeps alongside the C one."""

    name = "asyncio-task-py"
    sources = ("asyncio.tasks",)
    capabilities = CONTEXT | EAGER

    def new_task(self, loop, coro, **options):
        return asyncio.tasks._PyTask(coro, loop=loop, **task_options(**options))


class UvloopTaskAdapter(TaskAdapter):
    """Tasks made by a uvloop loop's create_task() (the real uvloop, installed by `tox -e uvloop`), which takes
    context= on 3.11+; it has no eager start of its own."""

    name = "uvloop-task"
    capabilities = CONTEXT

    def __init__(self):
        try:
            import uvloop
        except ImportError:
            raise AdapterError("the uvloop-task adapter needs uvloop: pip install uvloop, or run tox -e uvloop") \
                from None
        self.uvloop = uvloop

    def new_loop(self):
        return self.uvloop.new_event_loop()

    def new_task(self, loop, coro, **options):
        return loop.create_task(coro, **options)
