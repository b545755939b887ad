"""Injects: expired() says whether the task was cancelled since the block was entered, by the block or by anyone:
an inner block an outer deadline cancelled calls itself expired."""
from reference.combinators import Combinators, Timeout

VIOLATES = {"COMB-TIMEOUT-8"}


class Loose(Timeout):
    def expired(self):
        return super().expired() or self.task.cancelling() > self.cancelling or self.crossed  # BUG

    async def __aexit__(self, exc_type, exc, traceback):
        self.crossed = self.task.cancelling() > self.cancelling
        await super().__aexit__(exc_type, exc, traceback)


class Faulty(Combinators):
    def timeout(self, delay):
        scope = super().timeout(delay)
        scope.__class__, scope.crossed = Loose, False
        return scope


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
