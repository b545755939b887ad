"""Injects: a callback added to a done future that raises calls os.abort() (an "impossible" error path of the
immediate-callback code) instead of being contained: the process dies of SIGABRT inside add_done_callback().
Checked in a supervised child (ISOLATED)."""
import os
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-3"}
ISOLATED = True


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            if self._state in ref._UNFINISHED:
                self._callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            os.abort()  # BUG
