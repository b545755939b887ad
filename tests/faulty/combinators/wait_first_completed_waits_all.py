"""Injects: wait(return_when=FIRST_COMPLETED) waits for every child."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-2"}


class Faulty(Combinators):
    def wait_holds(self, children, return_when):
        return super().wait_holds(children, "ALL_COMPLETED" if return_when == "FIRST_COMPLETED" else return_when)  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
