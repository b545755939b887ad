"""Injects: a group cancelling its members because one failed still accepts create_task(): a member started after
the group decided to stop (CPython refuses: "is shutting down")."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-8"}


class TaskGroup(Reference):
    def refuses(self):
        return self.state in ("created", "left") or (self.state == "exiting" and not self.members)  # BUG: aborting
