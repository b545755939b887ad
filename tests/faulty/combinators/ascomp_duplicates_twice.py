"""Injects: as_completed() keeps a child passed twice twice: it is given twice, and one item too many is yielded."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-4"}


class Twice(list):
    def discard(self, child):
        self.remove(child)


class Faulty(Combinators):
    def distinct(self, aws):
        return Twice(asyncio.ensure_future(aw) for aw in aws)  # BUG: no set


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
