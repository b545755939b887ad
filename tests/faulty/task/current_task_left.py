"""Injects: the task leaves the loop's current task while its coroutine runs (as a Task that forgot
`_enter_task()` would), so `asyncio.current_task()` inside the coroutine is not the task."""
import types
from asyncio import tasks

VIOLATES = {"TASK-LIFE-5"}


class Task(tasks._PyTask):
    def __init__(self, coro, *, loop=None, **kwargs):
        super().__init__(self.unseen(coro), loop=loop, **kwargs)

    @types.coroutine
    def unseen(self, coro):
        value, error = None, None
        while True:
            tasks._leave_task(self.get_loop(), self)  # BUG: the coroutine runs as no task
            try:
                step = coro.throw(error) if error is not None else coro.send(value)
            except StopIteration as stop:
                return stop.value
            finally:
                tasks._enter_task(self.get_loop(), self)  # so that the Task's own _leave_task() still works
            try:
                value, error = (yield step), None
            except BaseException as thrown:  # passed on to the coroutine, as a Task would
                value, error = None, thrown
