"""Injects: as_completed() ignores its deadline: items wait for the children however long they take."""
from reference.combinators import Combinators

VIOLATES = {"COMB-ASCOMP-3"}


class Faulty(Combinators):
    def expire(self, iterator):
        pass  # BUG: no TimeoutError


gather, shield, wait_for, wait, timeout = Faulty().functions()
as_completed = Faulty().as_completed
