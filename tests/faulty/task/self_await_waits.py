"""Injects: a coroutine awaiting its own task waits (for a future nobody completes) instead of getting RuntimeError:
the task hangs forever."""
import types

from tests.faulty.task._steps import StepHandlingTask

VIOLATES = {"TASK-LIFE-7"}


class Task(StepHandlingTask):
    @types.coroutine
    def handle(self, step):
        if step is self:
            step = self.get_loop().create_future()  # BUG: waits where it must refuse
            step._asyncio_future_blocking = True
        return (yield step)
