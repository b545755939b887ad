"""Injects: the members the group cancelled add a CancelledError each to the ExceptionGroup."""
import asyncio

from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-3", "COMB-TASKGROUP-4"}


class TaskGroup(Reference):
    def member_done(self, task):
        if task.cancelled() and self.aborting:
            self.errors.append(asyncio.CancelledError())  # BUG
        super().member_done(task)
