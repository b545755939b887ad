"""Injects: a member's failure cancels the body but leaves the other members running."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-2"}


class TaskGroup(Reference):
    def failed(self):
        self.aborting = True  # BUG: the other members are not cancelled
        self.cancelled_parent = True
        self.parent.cancel()
