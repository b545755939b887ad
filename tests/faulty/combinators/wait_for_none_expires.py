"""Injects: wait_for treats timeout=None as a deadline one second away."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-1"}


class Faulty(Combinators):
    async def wait_for(self, aw, timeout):
        return await super().wait_for(aw, 1 if timeout is None else timeout)  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
