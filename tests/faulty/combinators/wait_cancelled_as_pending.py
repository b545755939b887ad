"""Injects: wait() puts the cancelled children among the pending ones."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-1", "COMB-WAIT-2", "COMB-WAIT-3", "COMB-WAIT-4"}


class Faulty(Combinators):
    def split(self, children):
        done = {c for c in children if c.done() and not c.cancelled()}  # BUG
        return done, children - done


gather, shield, wait_for, wait, timeout = Faulty().functions()
