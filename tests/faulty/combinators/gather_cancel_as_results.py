"""Injects: with return_exceptions=True, cancelling the gather gives a list of CancelledErrors instead of raising
CancelledError (asyncio before 3.7, bpo-32684)."""
from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-5"}


class Faulty(Combinators):
    def child_done(self, outer, finished, return_exceptions, child):
        if return_exceptions and outer.cancel_requested and len(finished) + 1 == len(outer.children) \
                and not outer.done():
            finished.append(child)
            outer.set_result(self.results(outer.children, finished))  # BUG
            return
        super().child_done(outer, finished, return_exceptions, child)


gather, shield, wait_for, wait, timeout = Faulty().functions()
