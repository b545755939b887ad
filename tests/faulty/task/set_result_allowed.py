"""Injects: set_result() completes the task from outside, as it would a plain future."""
from asyncio import futures, tasks

VIOLATES = {"TASK-SET-1"}


class Task(tasks._PyTask):
    def set_result(self, result):
        futures._PyFuture.set_result(self, result)  # BUG: must raise RuntimeError
