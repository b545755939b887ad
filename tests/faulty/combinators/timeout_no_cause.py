"""Injects: the TimeoutError leaving a timeout() block is not chained from the CancelledError it replaces."""
from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-1"}


class Faulty(Combinators):
    def convert(self, scope, exc_type, exc):
        try:
            super().convert(scope, exc_type, exc)
        except TimeoutError:
            raise TimeoutError() from None  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
