"""Injects: a coroutine that yields None (`asyncio.sleep(0)`) is resumed one loop iteration late: the task gives way
twice."""
import types

from tests.faulty.task._steps import StepHandlingTask

VIOLATES = {"TASK-LIFE-9"}


class Task(StepHandlingTask):
    @types.coroutine
    def handle(self, step):
        if step is None:
            yield None  # BUG: one iteration more
        return (yield step)
