"""Injects: wait(return_when=ALL_COMPLETED) returns once any child is done."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-1"}


class Faulty(Combinators):
    def wait_holds(self, children, return_when):
        return super().wait_holds(children, "FIRST_COMPLETED" if return_when == "ALL_COMPLETED" else return_when)  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
