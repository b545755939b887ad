"""Injects: a coroutine that yields something a task cannot wait for (a number, a future without its blocking flag)
is resumed with None, as after `asyncio.sleep(0)`, instead of getting RuntimeError: the mistake goes unnoticed."""
import asyncio
import types
from asyncio import tasks

VIOLATES = {"TASK-LIFE-8"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self.lenient(coro), loop=loop, **kwargs)

    @types.coroutine
    def lenient(self, coro):
        value, error = None, None
        while True:
            try:
                step = coro.throw(error) if error is not None else coro.send(value)
            except StopIteration as stop:
                return stop.value
            if step is not None and not (asyncio.isfuture(step) and step._asyncio_future_blocking):
                step = None  # BUG: passes for a bare yield
            try:
                value, error = (yield step), None
            except BaseException as thrown:  # passed on to the coroutine, as a Task would
                value, error = None, thrown
