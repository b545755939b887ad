"""Injects: expired() of a timeout() stays False after its deadline ended the block."""
from reference.combinators import Combinators, Timeout

VIOLATES = {"COMB-TIMEOUT-1"}


class Forgetful(Timeout):
    def expired(self):
        return False  # BUG


class Faulty(Combinators):
    def timeout(self, delay):
        scope = super().timeout(delay)
        scope.__class__ = Forgetful
        return scope


gather, shield, wait_for, wait, timeout = Faulty().functions()
