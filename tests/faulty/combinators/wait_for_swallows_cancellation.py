"""Injects: when the caller is cancelled after the inner completed, wait_for returns the inner's result and the
cancellation is lost (CPython 3.9-3.11, gh-86296)."""
from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-5"}


class Faulty(Combinators):
    async def caller_cancelled(self, fut):
        if fut.done():
            return fut.result()  # BUG
        return await super().caller_cancelled(fut)


gather, shield, wait_for, wait, timeout = Faulty().functions()
