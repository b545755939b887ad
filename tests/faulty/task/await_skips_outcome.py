"""Injects: awaiting the task returns its stored result without reading it: an exception the coroutine raised, or
the task's cancellation, is not raised into the awaiting coroutine, which gets None."""
from asyncio import tasks

VIOLATES = {"TASK-AWAIT-1"}


class Task(tasks._PyTask):
    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        return self._result  # BUG: must be self.result(), which raises what the task ended with

    __iter__ = __await__
