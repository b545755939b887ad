"""Injects: timeout_at(when) takes *when* for a delay, as timeout() would: its deadline comes late."""
from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-5"}


class Faulty(Combinators):
    def timeout_at(self, when):
        return self.timeout(when)  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
