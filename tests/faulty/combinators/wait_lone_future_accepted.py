"""Injects: wait() of a lone future takes it for a set of one instead of raising TypeError."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-9"}


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        if asyncio.isfuture(aws):
            aws = [aws]  # BUG: accepted
        return await super().wait(aws, timeout, return_when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
