"""Injects: a member's failure cancels the other members but not the body, which goes on awaiting."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-2"}


class TaskGroup(Reference):
    def failed(self):
        self.abort()  # BUG: the parent is not cancelled
