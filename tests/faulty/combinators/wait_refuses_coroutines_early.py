"""Injects: wait() refuses bare coroutines with TypeError on Python 3.9 and 3.10 too, where it must wrap them in
tasks (the behaviour of 3.11 brought forward)."""
import asyncio
import sys

from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-10"}
NEEDS = "Python 3.9 or 3.10 (COMB-WAIT-10)" if sys.version_info >= (3, 11) else None


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        if not (asyncio.isfuture(aws) or asyncio.iscoroutine(aws)) and any(asyncio.iscoroutine(aw) for aw in aws):
            raise TypeError("wait() takes futures and tasks, not bare coroutines")  # BUG: before 3.11
        return await super().wait(aws, timeout, return_when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
