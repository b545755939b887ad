"""Injects: at the deadline, wait_for raises TimeoutError even when its inner swallowed the cancellation and ended
with an outcome of its own."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-2"}


class Faulty(Combinators):
    async def timed_out(self, fut):
        await self.cancel_and_wait(fut)
        raise asyncio.TimeoutError()  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
