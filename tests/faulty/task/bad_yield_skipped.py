"""Injects: a coroutine that yields something a task cannot wait for (a number, a future without its blocking flag)
is resumed with None, as after `asyncio.sleep(0)`, instead of getting RuntimeError: the mistake goes unnoticed."""
import asyncio
import types

from tests.faulty.task._steps import StepHandlingTask

VIOLATES = {"TASK-LIFE-8"}


class Task(StepHandlingTask):
    @types.coroutine
    def handle(self, step):
        if step is not None and not (asyncio.isfuture(step) and step._asyncio_future_blocking):
            step = None  # BUG: passes for a bare yield
        return (yield step)
