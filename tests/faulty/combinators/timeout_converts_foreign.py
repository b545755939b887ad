"""Injects: timeout() turns every CancelledError leaving its block into TimeoutError, a foreign cancellation too."""
import asyncio

from reference.combinators import Combinators, Timeout

VIOLATES = {"COMB-TIMEOUT-3"}


class Greedy(Timeout):
    async def __aexit__(self, exc_type, exc, traceback):
        await super().__aexit__(exc_type, exc, traceback)
        if exc_type is asyncio.CancelledError:
            raise TimeoutError from exc  # BUG


class Faulty(Combinators):
    def timeout(self, delay):
        scope = super().timeout(delay)
        scope.__class__ = Greedy
        return scope


gather, shield, wait_for, wait, timeout = Faulty().functions()
