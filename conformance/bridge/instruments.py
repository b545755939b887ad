"""Instruments the bridge machine hands to an implementation: functions for run_in_executor that block until they
are released, an executor wrapper that records what was submitted to it, and an object that is no future.

They run in the implementation's threads, so they only record and wait; the machine judges, on its own thread.
"""
import concurrent.futures
import threading

from .model import Outcome

RELEASE_SAFETY = 60.0  # a gated call never outlives an abandoned run by more than this; teardown releases it first


class GatedCall:
    """A function for run_in_executor: it reports "started" and blocks until the machine releases it with an
    outcome, which it then returns or raises."""

    def __init__(self):
        self.started = threading.Event()
        self.released = threading.Event()
        self.outcome = Outcome("result")

    def __call__(self, *args):
        self.started.set()
        self.released.wait(RELEASE_SAFETY)
        if self.outcome.kind == "exception":
            raise self.outcome.value
        return self.outcome.value

    def release(self, outcome=None):
        if outcome is not None:
            self.outcome = outcome
        self.released.set()


class RecordingExecutor(concurrent.futures.Executor):
    """The executor handed to run_in_executor: it records every submission (BRIDGE-EXEC-1) and passes it on."""

    def __init__(self, inner):
        self.inner = inner
        self.submitted = []

    def submit(self, fn, /, *args, **kwargs):
        future = self.inner.submit(fn, *args, **kwargs)
        self.submitted.append((fn, args, future))
        return future

    def shutdown(self, wait=True, **kwargs):
        self.inner.shutdown(wait=wait, **kwargs)


class NotAFuture:
    """What wrap_future must refuse (BRIDGE-WRAP-2)."""
