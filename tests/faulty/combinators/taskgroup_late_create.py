"""Injects: create_task() of a TaskGroup whose block was left makes a task instead of raising RuntimeError."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-6"}


class TaskGroup(Reference):
    def refuses(self):
        return self.state == "created" or self.aborting  # BUG: a left group takes new tasks
