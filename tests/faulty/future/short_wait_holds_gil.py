"""Injects: a timed wait shorter than a second on an unfinished future blocks in C while holding the GIL (a libc
sleep through ctypes.PyDLL, which never releases it): every thread of the interpreter stops, the suite's watchdog
too. Checked in a supervised child (ISOLATED): the child stops responding and is killed."""
import ctypes
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-TIMEOUT-2"}
ISOLATED = True


class Future(ref.Future):
    def _wait(self, timeout):
        if timeout is not None and 0 < timeout < 1 and not self.done():
            ctypes.PyDLL(None).sleep(3600)  # BUG: holds the GIL for an hour
        super()._wait(timeout)
