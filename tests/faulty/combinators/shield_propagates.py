"""Injects: cancelling the shield cancels its inner too."""
from reference.combinators import Combinators

VIOLATES = {"COMB-SHIELD-1"}


class Faulty(Combinators):
    def shield_cancelled(self, inner, outer, inner_done):
        if outer.cancelled():
            inner.cancel()  # BUG
        super().shield_cancelled(inner, outer, inner_done)


gather, shield, wait_for, wait, timeout = Faulty().functions()
