"""Injects: the shield passes its inner's outcome on one loop iteration late."""
from reference.combinators import Combinators

VIOLATES = {"COMB-SHIELD-2"}


class Faulty(Combinators):
    def pass_on(self, inner, outer):
        inner.get_loop().call_soon(lambda: outer.done() or super(Faulty, self).pass_on(inner, outer))  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
