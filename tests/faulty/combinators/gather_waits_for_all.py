"""Injects: without return_exceptions, gather waits for every child before raising the first exception."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-2", "COMB-GATHER-4"}


class Faulty(Combinators):
    def child_done(self, outer, finished, return_exceptions, child):
        finished.append(child)
        if outer.done() or len(finished) < len(outer.children):  # BUG: nothing decides early
            return
        failed = [c for c in finished if self.decides(c)]
        if outer.cancel_requested:
            outer.set_exception(self.as_exception(finished[0]) if failed else asyncio.CancelledError())
        elif failed and not return_exceptions:
            outer.set_exception(self.as_exception(failed[0]))
        else:
            outer.set_result(self.results(outer.children, finished))


gather, shield, wait_for, wait, timeout = Faulty().functions()
