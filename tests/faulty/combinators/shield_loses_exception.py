"""Injects: the shield of an inner that raised returns None instead of raising its exception."""
from reference.combinators import Combinators

VIOLATES = {"COMB-SHIELD-2"}


class Faulty(Combinators):
    def pass_on(self, inner, outer):
        if not inner.cancelled() and inner.exception() is not None:
            outer.set_result(None)  # BUG
            return
        super().pass_on(inner, outer)


gather, shield, wait_for, wait, timeout = Faulty().functions()
