"""Injects: wait() of no children returns two empty sets instead of raising ValueError."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAIT-5"}


class Faulty(Combinators):
    async def wait(self, aws, timeout=None, return_when="ALL_COMPLETED"):
        if not aws:
            return set(), set()  # BUG
        return await super().wait(aws, timeout, return_when)


gather, shield, wait_for, wait, timeout = Faulty().functions()
