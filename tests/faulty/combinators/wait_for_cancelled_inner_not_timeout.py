"""Injects: at the deadline, wait_for lets the inner's CancelledError out instead of raising TimeoutError."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-2"}


class Faulty(Combinators):
    async def timed_out(self, fut):
        await self.cancel_and_wait(fut)
        return fut.result()  # BUG: raises CancelledError


gather, shield, wait_for, wait, timeout = Faulty().functions()
