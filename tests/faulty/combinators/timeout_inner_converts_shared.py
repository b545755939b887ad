"""Injects: an expired timeout block converts the CancelledError leaving it whatever other requests it carries, so
that of two nested blocks expiring at one iteration the inner one raises TimeoutError."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-3", "COMB-TIMEOUT-8"}


class Faulty(Combinators):
    def convert(self, scope, exc_type, exc):
        scope.task.uncancel()
        if exc_type is asyncio.CancelledError:
            raise TimeoutError from exc  # BUG: not only its own request


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
