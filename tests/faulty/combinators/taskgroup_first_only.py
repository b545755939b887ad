"""Injects: the ExceptionGroup leaving the block holds the first failure only."""
from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-3", "COMB-TASKGROUP-4"}


class TaskGroup(Reference):
    async def __aexit__(self, exc_type, exc, traceback):
        try:
            await super().__aexit__(exc_type, exc, traceback)
        except BaseExceptionGroup as group:  # noqa: F821 (3.11+)
            raise BaseExceptionGroup(group.message, group.exceptions[:1]) from None  # noqa: F821 BUG
