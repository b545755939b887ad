"""Injects: cancelling the caller while it awaits wait() cancels the children, as a gather would."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-8"}


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        try:
            return await super().wait(aws, timeout, return_when)
        except asyncio.CancelledError:
            for child in aws:
                child.cancel()  # BUG: the caller's cancellation reaches the children
            raise


gather, shield, wait_for, wait, timeout = Faulty().functions()
