"""Injects: a body that raises does not cancel the members: the block waits for them to end on their own."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-4"}


class TaskGroup(Reference):
    def abort(self):
        if self.state == "exiting" and not self.errors:
            return  # BUG: the body's exception cancels nothing
        super().abort()
