"""Injects: reschedule() arms the new deadline but leaves the old timer running, which still cancels the body."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-TIMEOUT-6"}


class Faulty(Combinators):
    def move(self, scope, when):
        if scope.state != "entered":
            raise RuntimeError(f"reschedule() of a timeout that is {scope.state}")
        scope.deadline = when  # BUG: the old handle is not cancelled
        if when is not None:
            scope.handle = asyncio.get_running_loop().call_at(when, scope.expire)


gather, shield, wait_for, wait, timeout = Faulty().functions()
timeout_at = Faulty().timeout_at
