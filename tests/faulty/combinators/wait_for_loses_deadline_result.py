"""Injects: once its timer fired, wait_for raises TimeoutError even when its inner completed meanwhile: the result
that arrived at the deadline is lost (CPython 3.12+ does this for a task)."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-WAITFOR-4"}


class Faulty(Combinators):
    async def after_wake(self, fut, expired):
        if expired:
            raise asyncio.TimeoutError()  # BUG: fut may be done
        return await super().after_wake(fut, expired)


gather, shield, wait_for, wait, timeout = Faulty().functions()
