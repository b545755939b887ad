"""Injects: as_completed() of a lone future or coroutine takes it for a list of one instead of raising TypeError."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-4"}


class Faulty(Combinators):
    def as_completed(self, aws, timeout=None):
        if asyncio.isfuture(aws) or asyncio.iscoroutine(aws):
            aws = [aws]  # BUG: accepted
        return super().as_completed(aws, timeout)


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
