"""Injects: reschedule(None) is taken for "no change": the old deadline stays."""
from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-5", "COMB-TIMEOUT-6"}


class Faulty(Combinators):
    def move(self, scope, when):
        if when is None and scope.state == "entered":
            return  # BUG
        super().move(scope, when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
