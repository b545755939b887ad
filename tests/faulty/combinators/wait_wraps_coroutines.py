"""Injects: wait() wraps bare coroutines in tasks, as Python 3.9 and 3.10 did, instead of raising TypeError."""
import asyncio
import sys

from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-6"}
NEEDS = "Python 3.11+ (COMB-WAIT-6)" if sys.version_info < (3, 11) else None


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        if not (asyncio.isfuture(aws) or asyncio.iscoroutine(aws)):  # a lone one: refused as it must be
            aws = [asyncio.ensure_future(aw) for aw in aws]  # BUG
        return await super().wait(aws, timeout, return_when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
