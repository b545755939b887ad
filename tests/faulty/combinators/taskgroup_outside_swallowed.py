"""Injects: a TaskGroup cancelled from outside, no member failing, leaves its block normally: the request is lost."""
import asyncio

from reference.combinators import gather, shield, timeout, wait, wait_for  # noqa: F401 (the reference's)
from reference.task_group import TaskGroup as Reference

VIOLATES = {"COMB-TASKGROUP-5"}


class TaskGroup(Reference):
    async def __aexit__(self, exc_type, exc, traceback):
        try:
            await super().__aexit__(exc_type, exc, traceback)
        except asyncio.CancelledError:
            pass  # BUG
