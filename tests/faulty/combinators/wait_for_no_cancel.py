"""Injects: at the deadline wait_for raises TimeoutError and leaves its inner running."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-2", "COMB-WAITFOR-3"}


class Faulty(Combinators):
    async def timed_out(self, fut):
        raise asyncio.TimeoutError()  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
