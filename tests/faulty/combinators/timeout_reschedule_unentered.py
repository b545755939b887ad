"""Injects: reschedule() of a timeout not yet entered stores the deadline instead of raising RuntimeError."""
from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-7"}


class Faulty(Combinators):
    def move(self, scope, when):
        if scope.state == "created":
            scope.deadline = when  # BUG: accepted
            return
        super().move(scope, when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
