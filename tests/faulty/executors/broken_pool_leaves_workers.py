"""Injects: a process pool that, once broken by a dying worker, leaves its other workers running: they ignore SIGTERM
(so the pool's terminate() does nothing to them), and shutdown() of a broken pool returns without waiting for them.
The futures still fail with BrokenProcessPool and shutdown() returns promptly; the worker still running its call
lives on after it (until that call returns and it reads the pool's sentinel). Checked in a supervised child
(ISOLATED): run in the test's own process, that worker held the interpreter's exit for good (multiprocessing joins
its children at exit) and outlived the test run, SIGTERM being ignored; the child's process group is SIGKILLed once
the child has ended (conformance/supervision.py)."""
import concurrent.futures
import multiprocessing.context
import signal
from concurrent.futures import BrokenExecutor, CancelledError, Future, InvalidStateError, TimeoutError

VIOLATES = {"EXEC-BROKEN-6"}
ISOLATED = True
__all__ = ["ProcessPoolExecutor", "Future", "BrokenExecutor", "CancelledError", "InvalidStateError", "TimeoutError"]


class _Process(multiprocessing.context.SpawnProcess):
    def run(self):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # BUG: the pool's terminate() cannot stop this worker
        super().run()


class _Context(multiprocessing.context.SpawnContext):
    Process = _Process


class ProcessPoolExecutor(concurrent.futures.ProcessPoolExecutor):
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        super().__init__(max_workers, _Context(), initializer, initargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(wait=wait and not self._broken, cancel_futures=cancel_futures)  # BUG: not for a broken pool
