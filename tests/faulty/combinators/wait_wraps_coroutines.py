"""Injects: wait() wraps bare coroutines in tasks, as Python 3.9 and 3.10 did, instead of raising TypeError."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-6"}


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        aws = [asyncio.ensure_future(aw) for aw in aws]  # BUG
        return await super().wait(aws, timeout, return_when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
