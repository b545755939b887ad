"""Injects: the exception the body raised is left out of the ExceptionGroup (or, alone, swallowed)."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-4"}


class TaskGroup(Reference):
    async def __aexit__(self, exc_type, exc, traceback):
        if exc_type is not None and issubclass(exc_type, Exception):
            exc_type = exc = None  # BUG: forgotten (the members are still cancelled)
            self.abort()
        await super().__aexit__(exc_type, exc, traceback)
