"""Injects: the group never takes back the cancellation it made of its parent: cancelling() stays one too high."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-7"}


class TaskGroup(Reference):
    def take_back(self):
        return False  # BUG: no uncancel()
