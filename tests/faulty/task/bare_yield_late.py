"""Injects: a coroutine that yields None (`asyncio.sleep(0)`) is resumed one loop iteration late: the task gives way
twice."""
import types
from asyncio import tasks

VIOLATES = {"TASK-LIFE-9"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self.slow(coro), loop=loop, **kwargs)

    @types.coroutine
    def slow(self, coro):
        value, error = None, None
        while True:
            try:
                step = coro.throw(error) if error is not None else coro.send(value)
            except StopIteration as stop:
                return stop.value
            try:
                if step is None:
                    yield None  # BUG: one iteration more
                value, error = (yield step), None
            except BaseException as thrown:  # passed on to the coroutine, as a Task would
                value, error = None, thrown
