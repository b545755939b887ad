"""Injects: gather ignores return_exceptions=True: the first exception is raised as without it."""
from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-3", "COMB-GATHER-4"}


class Faulty(Combinators):
    def child_done(self, outer, finished, return_exceptions, child):
        super().child_done(outer, finished, False, child)  # BUG


gather, shield, wait_for, wait, timeout = Faulty().functions()
