"""Injects: leaving a TaskGroup's block whose body ended normally does not wait for the members still running."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-1"}


class TaskGroup(Reference):
    async def __aexit__(self, exc_type, exc, traceback):
        if exc_type is None:
            self.state = "left"  # BUG: the members are left running
            return
        await super().__aexit__(exc_type, exc, traceback)
