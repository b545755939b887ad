"""Injects: cancel() dereferences a null pointer (a C extension's bug, here through ctypes): the process dies of
SIGSEGV. Checked in a supervised child (ISOLATED): each cancel() at stake is a crash verdict."""
import ctypes
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CANCEL-1", "CF-CANCEL-2", "CF-CANCEL-3", "CF-CANCEL-4"}
ISOLATED = True


class Future(ref.Future):
    def cancel(self):
        ctypes.string_at(0)  # BUG: reads address 0
        return super().cancel()
