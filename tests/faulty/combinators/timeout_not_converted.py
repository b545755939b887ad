"""Injects: timeout() lets its own cancellation leave the block as CancelledError instead of TimeoutError."""
from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-1"}


class Faulty(Combinators):
    def convert(self, scope, exc_type, exc):
        scope.task.uncancel()  # BUG: and no TimeoutError


gather, shield, wait_for, wait, timeout = Faulty().functions()
