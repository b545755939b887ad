"""Injects: when the caller is cancelled, wait_for raises CancelledError at once and leaves its inner running."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-3", "COMB-WAITFOR-5"}


class Faulty(Combinators):
    async def caller_cancelled(self, fut):
        raise asyncio.CancelledError()  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
