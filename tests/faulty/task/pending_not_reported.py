"""Injects: a task collected while pending says nothing: the loop's exception handler never hears "Task was destroyed
but it is pending!", so a fire-and-forget task that vanished leaves no trace."""
from asyncio import tasks

VIOLATES = {"TASK-LIFE-6"}


class Task(tasks._PyTask):
    _log_destroy_pending = False  # BUG: _PyTask.__del__ reports only when this is True
