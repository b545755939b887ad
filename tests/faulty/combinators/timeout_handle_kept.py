"""Injects: leaving a timeout() block early does not cancel its timer, which later cancels the task all the same."""
from reference.combinators import Combinators, Timeout

VIOLATES = {"COMB-TIMEOUT-2"}


class Leaky(Timeout):
    async def __aexit__(self, exc_type, exc, traceback):
        self.handle = None  # BUG: forgotten, not cancelled
        await super().__aexit__(exc_type, exc, traceback)


class Faulty(Combinators):
    def timeout(self, delay):
        scope = super().timeout(delay)
        scope.__class__ = Leaky
        return scope


gather, shield, wait_for, wait, timeout = Faulty().functions()
