"""Injects: wait() cancels the children still pending when it returns at its deadline."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-4"}


class Faulty(Combinators):
    def split(self, children):
        done, pending = super().split(children)
        for child in pending:
            child.cancel()  # BUG
        return done, pending


gather, shield, wait_for, wait, timeout = Faulty().functions()
