"""Injects: as_completed() gives the children in the order they were passed, each item waiting for its own child,
not in the order they complete."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-1", "COMB-ASCOMP-2"}


class Faulty(Combinators):
    def distinct(self, aws):
        children = list(dict.fromkeys(asyncio.ensure_future(aw) for aw in aws))
        self.queue = list(children)
        return set(children)

    async def next_done(self, iterator):
        await iterator.ready.get()
        child = self.queue.pop(0)  # BUG: the next in the arguments' order, not the next to complete
        await asyncio.wait([child])
        return child


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
