"""Injects: without return_exceptions, a child cancelled on its own is listed as a CancelledError result instead of
ending the gather."""
from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-4"}


class Faulty(Combinators):
    def decides(self, child):
        return not child.cancelled() and child.exception() is not None  # BUG

    def results(self, children, finished):
        return [Combinators.as_exception(self, c) if c.cancelled() or c.exception() is not None else c.result()
                for c in children]


gather, shield, wait_for, wait, timeout = Faulty().functions()
