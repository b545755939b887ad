"""Injects: wait() counts the children passed, not the distinct ones: a child passed twice must be done twice, so
with ALL_COMPLETED (or FIRST_EXCEPTION without an exception) it never returns."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-7"}


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        self.passed = len(aws)
        return await super().wait(aws, timeout, return_when)

    def wait_holds(self, children, return_when):
        done = [c for c in children if c.done()]
        if return_when == "FIRST_COMPLETED":
            return bool(done)
        if return_when == "FIRST_EXCEPTION" and any(not c.cancelled() and c.exception() is not None for c in done):
            return True
        return len(done) == self.passed  # BUG: the distinct children are fewer than those passed


gather, shield, wait_for, wait, timeout = Faulty().functions()
