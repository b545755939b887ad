"""Injects: cancel() of a gather returns False although it cancelled children."""
from reference.combinators import Combinators, Gathering

VIOLATES = {"COMB-GATHER-5"}


class Quiet(Gathering):
    def cancel(self, msg=None):
        super().cancel(msg)
        return False  # BUG


class Faulty(Combinators):
    def gather(self, *aws, return_exceptions=False):
        outer = super().gather(*aws, return_exceptions=return_exceptions)
        outer.__class__ = Quiet
        return outer


gather, shield, wait_for, wait, timeout = Faulty().functions()
