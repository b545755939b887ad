"""Injects: gather completes once all but one child completed, with None for the child still pending."""
from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-1", "COMB-GATHER-3", "COMB-GATHER-4", "COMB-GATHER-5"}


class Faulty(Combinators):
    def child_done(self, outer, finished, return_exceptions, child):
        super().child_done(outer, finished, return_exceptions, child)
        if not outer.done() and len(outer.children) > 1 and len(finished) == len(outer.children) - 1:
            outer.set_result([c.result() if c.done() and not self.decides(c) else None
                              for c in outer.children])  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
