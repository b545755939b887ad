"""Injects: `async for` over as_completed() yields the children's results, not the children (3.13+)."""
from reference.combinators import AsCompleted, Combinators

VIOLATES = {"COMB-ASCOMP-2"}


class Results(AsCompleted):
    async def __anext__(self):
        return (await super().__anext__()).result()  # BUG: the outcome, not the child


class Faulty(Combinators):
    def as_completed(self, aws, timeout=None):
        iterator = super().as_completed(aws, timeout)
        iterator.__class__ = Results
        return iterator


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
