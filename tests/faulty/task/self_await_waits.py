"""Injects: a coroutine awaiting its own task waits (for a future nobody completes) instead of getting RuntimeError:
the task hangs forever."""
import types
from asyncio import tasks

VIOLATES = {"TASK-LIFE-7"}


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
            if step is self:
                step = self.get_loop().create_future()  # BUG: waits where it must refuse
                step._asyncio_future_blocking = True
            try:
                value, error = (yield step), None
            except BaseException as thrown:  # passed on to the coroutine, as a Task would
                value, error = None, thrown
