"""Injects: the shield of an inner that was cancelled is FINISHED with a CancelledError instead of CANCELLED."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-SHIELD-2"}


class Faulty(Combinators):
    def pass_on(self, inner, outer):
        if inner.cancelled():
            outer.set_exception(asyncio.CancelledError())  # BUG
            return
        super().pass_on(inner, outer)


gather, shield, wait_for, wait, timeout = Faulty().functions()
