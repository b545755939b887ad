"""Injects: wait(return_when=FIRST_EXCEPTION) returns at a cancelled child, as if it had raised."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-3"}


class Faulty(Combinators):
    def wait_holds(self, children, return_when):
        if return_when == "FIRST_EXCEPTION" and any(c.cancelled() for c in children):
            return True  # BUG
        return super().wait_holds(children, return_when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
