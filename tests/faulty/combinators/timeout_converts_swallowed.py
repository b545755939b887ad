"""Injects: leaving an expired timeout block raises TimeoutError even when the body caught the deadline's
CancelledError and ended normally."""
from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-4"}


class Faulty(Combinators):
    def convert(self, scope, exc_type, exc):
        if scope.task.uncancel() <= scope.cancelling:  # BUG: whatever leaves the block
            raise TimeoutError from exc


gather, shield, wait_for, wait, timeout = Faulty().functions()
