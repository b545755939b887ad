"""Injects: a task whose coroutine awaits a future of another loop waits (for a future of its own loop that nobody
completes) instead of throwing RuntimeError into the coroutine."""
import asyncio
import types
from asyncio import tasks

VIOLATES = {"TASK-LIFE-3"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self.blind(coro), loop=loop, **kwargs)

    @types.coroutine
    def blind(self, coro):
        value, error = None, None
        while True:
            try:
                step = coro.throw(error) if error is not None else coro.send(value)
            except StopIteration as stop:
                return stop.value
            if asyncio.isfuture(step) and step.get_loop() is not self.get_loop():
                step = self.get_loop().create_future()  # BUG: waits where it must refuse
                step._asyncio_future_blocking = True
            try:
                value, error = (yield step), None
            except BaseException as thrown:  # passed on to the coroutine, as a Task would
                value, error = None, thrown
