"""Injects: cancelling the caller while it awaits an item of as_completed() cancels the children not yet given."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-6"}


class Faulty(Combinators):
    async def next_done(self, iterator):
        try:
            return await super().next_done(iterator)
        except asyncio.CancelledError:
            for child in iterator.todo:
                child.cancel()  # BUG: the caller's cancellation reaches the children
            raise


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
