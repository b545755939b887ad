"""Injects: as_completed()'s deadline cancels the children still pending, as a wait_for would."""
from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-3"}


class Faulty(Combinators):
    def expire(self, iterator):
        pending = list(iterator.todo)
        super().expire(iterator)
        for child in pending:
            child.cancel()  # BUG: the deadline leaves the children running


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
