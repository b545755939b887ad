"""Injects: an exception the coroutine raises becomes the task's result, instead of its exception."""
from asyncio import futures, tasks

VIOLATES = {"TASK-RESULT-1"}


class _Outcome(futures._PyFuture):
    """Sits between _PyTask and _PyFuture in the MRO: the task's own super().set_exception() lands here."""

    def set_exception(self, exception):
        futures._PyFuture.set_result(self, exception)  # BUG


class Task(tasks._PyTask, _Outcome):
    pass
