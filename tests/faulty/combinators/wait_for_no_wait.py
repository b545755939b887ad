"""Injects: at the deadline wait_for cancels its inner and raises TimeoutError at once, without waiting for it."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-3"}


class Faulty(Combinators):
    async def timed_out(self, fut):
        fut.cancel()
        raise asyncio.TimeoutError()  # BUG: fut may still be running


gather, shield, wait_for, wait, timeout = Faulty().functions()
