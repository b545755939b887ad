"""Injects: cancel() of the gather marks it cancelled without cancelling its children, which go on running."""
from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-5"}


class Faulty(Combinators):
    def cancel_children(self, children):
        return any(not child.done() for child in children)  # BUG: reports, cancels nothing


gather, shield, wait_for, wait, timeout = Faulty().functions()
