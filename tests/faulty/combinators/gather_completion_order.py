"""Injects: gather lists the results in the order the children completed, not the order they were passed."""
from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-1", "COMB-GATHER-3"}


class Faulty(Combinators):
    def results(self, children, finished):
        return super().results(finished, finished)  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
