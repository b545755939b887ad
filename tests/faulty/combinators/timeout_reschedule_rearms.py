"""Injects: reschedule() of a timeout whose block was left, or whose deadline was reached, arms a new timer instead of
raising RuntimeError."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-7"}


class Faulty(Combinators):
    def move(self, scope, when):
        if scope.state == "created":
            raise RuntimeError("reschedule() of a timeout not entered")
        scope.deadline = when  # BUG: whatever the state
        if scope.handle is not None:
            scope.handle.cancel()
            scope.handle = None
        if when is not None:
            scope.handle = asyncio.get_running_loop().call_at(when, lambda: None)


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
