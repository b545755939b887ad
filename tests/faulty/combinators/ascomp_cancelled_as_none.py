"""Injects: an item of a cancelled child returns None instead of raising CancelledError."""
from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-1"}


class Faulty(Combinators):
    async def resolve(self, item):
        child = await item
        return None if child.cancelled() else child.result()  # BUG: the cancellation is lost


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
