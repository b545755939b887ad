"""Injects: a task whose coroutine awaits a future of another loop waits (for a future of its own loop that nobody
completes) instead of throwing RuntimeError into the coroutine."""
import asyncio
import types

from tests.faulty.task._steps import StepHandlingTask

VIOLATES = {"TASK-LIFE-3"}


class Task(StepHandlingTask):
    @types.coroutine
    def handle(self, step):
        if asyncio.isfuture(step) and step.get_loop() is not self.get_loop():
            step = self.get_loop().create_future()  # BUG: waits where it must refuse
            step._asyncio_future_blocking = True
        return (yield step)
