"""Injects: wait_for with timeout <= 0 raises TimeoutError even when its inner is already done."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-7"}


class Faulty(Combinators):
    async def zero_timeout(self, fut):
        raise asyncio.TimeoutError()  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
