"""Injects: when() of a timeout(delay) gives the delay it was made with, not the deadline on the loop's clock."""
import asyncio

from reference.combinators import Combinators, Timeout

VIOLATES = {"COMB-TIMEOUT-5"}


class Relative(Timeout):
    def when(self):
        return self.delay  # BUG


class Faulty(Combinators):
    def timeout(self, delay):
        scope = super().timeout(delay)
        scope.__class__, scope.delay = Relative, delay
        return scope

    def timeout_at(self, when):
        scope = super().timeout_at(when)
        now = asyncio.get_running_loop().time()
        scope.__class__, scope.delay = Relative, None if when is None else when - now
        return scope


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
