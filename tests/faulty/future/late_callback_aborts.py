"""Injects: add_done_callback() on a done future calls os.abort() (a C assertion that the future is unfinished). The
suite's own `reenter` callback calls add_done_callback() on the future it was called for, from inside cancel(): that
crash is CF-CB-6's, the callback's clause, and the run goes on without such callbacks until it reaches a plain
add_done_callback() on a done future (a new user's implementation once had every completing call blamed instead,
each refused in turn, until nothing was left to judge). Checked in a supervised child (ISOLATED)."""
import os
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-3"}
ISOLATED = True


class Future(ref.Future):
    def add_done_callback(self, fn):
        if self.done():
            os.abort()  # BUG
        super().add_done_callback(fn)
