"""Injects: wait() takes an unknown return_when for ALL_COMPLETED."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-5"}


class Faulty(Combinators):
    def check_wait(self, aws, return_when):
        super().check_wait(aws, "ALL_COMPLETED")  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
