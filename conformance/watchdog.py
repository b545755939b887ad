"""Every call into an implementation runs here, on a worker thread, under a time limit.

A deadlocked implementation then costs one time limit and becomes a verdict instead of a hung run: the stuck
worker is abandoned (it is a daemon thread) and the next call gets a fresh one. Time that was not the
implementation's does not count against it: a garbage collection (it pauses every thread; in a long-lived process
with a big heap, on a loaded machine, one can take seconds) and the delay before the worker took the call up.
"""
import _thread
import contextlib
import gc
import queue
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Optional

from .describing import describe
from .progress import Progress


class Hang(Exception):
    """A call did not return within its limit; `where` says where the stuck thread was, when it is known."""

    def __init__(self, what, limit, where=""):
        super().__init__(f"{what} did not return within {limit:.2f} s" + (f" (stuck at {where})" if where else ""))
        self.what = what
        self.limit = limit
        self.where = where


class Refused(Hang):
    """A call of a kind that crashed the process earlier in an isolated run: not attempted again. It is met as a
    hang: its clause already has its verdict (muted), so the step retires what it was about and goes on."""

    def __init__(self, what, kind):
        Exception.__init__(self, f"{what} was not attempted: a call at stake for {kind} crashed the process earlier")
        self.what = what
        self.limit = 0.0
        self.where = ""


def stuck_at(thread_id, frames=3):
    """The innermost frames of a stuck thread, innermost last: file:line in function, for the verdict."""
    frame = sys._current_frames().get(thread_id)
    if frame is None:
        return ""
    stack = traceback.extract_stack(frame)[-frames:]
    return " <- ".join(f"{entry.filename.rsplit('/', 1)[-1]}:{entry.lineno} in {entry.name}"
                       for entry in reversed(stack))


class _Collections:
    """The seconds this interpreter has spent collecting garbage, the collection in progress included — except the
    collections a wait makes itself (`uncounted()`): a wait that collects while it looks for an object to be freed
    would otherwise excuse its own collections and push its deadline on and on."""

    def __init__(self):
        self.total = 0.0
        self.since = None
        self._uncounted = threading.local()

    def __call__(self, phase, info):
        if getattr(self._uncounted, "depth", 0):
            return
        now = time.monotonic()
        if phase == "start":
            self.since = now
        elif self.since is not None:
            self.total += now - self.since
            self.since = None

    @contextlib.contextmanager
    def uncounted(self):
        """Collections this thread makes meanwhile are not time excused to the implementation."""
        self._uncounted.depth = getattr(self._uncounted, "depth", 0) + 1
        try:
            yield
        finally:
            self._uncounted.depth -= 1

    def seconds(self):
        since = self.since
        return self.total + (time.monotonic() - since if since is not None else 0.0)


COLLECTIONS = _Collections()
gc.callbacks.append(COLLECTIONS)


@dataclass
class CallResult:
    """What one call did: its return value or the exception it raised, in which thread, how long it took."""

    value: Any = None
    error: Optional[BaseException] = None
    thread: int = 0
    elapsed: float = 0.0
    began: float = 0.0  # time.monotonic() when the worker took the call up; 0.0 until it has

    @property
    def raised(self) -> bool:
        return self.error is not None

    def describe(self) -> str:
        return describe(self.value, self.error)


class _Finished:
    """The worker's signal that a call returned: a bare lock, which costs half of a threading.Event on the path every
    call into the implementation takes."""

    __slots__ = ("_lock",)

    def __init__(self):
        self._lock = _thread.allocate_lock()
        self._lock.acquire()

    def set(self):
        self._lock.release()

    def wait(self, timeout):
        if not (self._lock.acquire(timeout=timeout) if timeout > 0 else self._lock.acquire(False)):
            return False
        self._lock.release()
        return True


class _Worker(threading.Thread):
    def __init__(self):
        super().__init__(name="futurespec-driver", daemon=True)
        self.jobs = queue.SimpleQueue()
        self.abandoned = False
        self.start()

    def run(self):
        while not self.abandoned:
            fn, args, call, finished = self.jobs.get()
            call.thread = threading.get_ident()
            call.began = time.monotonic()
            try:
                call.value = fn(*args)
            except BaseException as error:  # the implementation may raise anything; it is an observation
                call.error = error
            call.elapsed = time.monotonic() - call.began
            finished.set()


class Watchdog:
    """Runs calls on a worker thread and waits for each at most `hang` seconds (plus any timeout it was given).

    Calls are grouped by *kind* (the clause at stake). Once a kind has hung at the full limit, the implementation is
    known to deadlock there: later calls of that kind wait only `repeat_hang`, and once the run has spent its hang
    budget they are not attempted at all. So a deadlocking implementation gets its verdict in seconds, while a
    kind that never hung keeps the full limit and a merely slow machine never produces a verdict.

    Each call and wait is announced to `progress` with its kind, so that the parent of an isolated run knows the
    clause at stake if the process dies; kinds in `refused` crashed it earlier and are not attempted (Refused).
    """

    def __init__(self, limits, progress=None, refused=(), collections=COLLECTIONS):
        self.limits = limits
        self.progress = progress or Progress()
        self.refused = frozenset(refused)
        self.collections = collections  # the process's garbage collections (a test gives its own, simulated ones)
        self._hung = set()  # kinds that have hung at the full limit
        self._spent = 0.0  # seconds waited on calls that hung
        self._worker = None
        self.waited = 0.0  # the limit the last wait() waited with, for the verdict's message

    def limit(self, kind) -> float:
        return self.limits.repeat_hang if kind in self._hung else self.limits.hang

    def _refused(self, kind) -> bool:
        return kind in self._hung and self._spent >= self.limits.hang_budget

    @property
    def spent(self) -> float:
        """Seconds waited so far on calls that hung."""
        return self._spent

    def refuses(self, kind) -> bool:
        """Whether calls of `kind` are no longer attempted: they hung past the budget, or crashed an earlier child."""
        return self._refused(kind) or kind in self.refused

    def _hang(self, kind, limit):
        self._hung.add(kind)
        self._spent += limit

    def wait(self, kind, event, extra=0.0) -> bool:
        """Wait for an event set on the implementation's side (a waiter returning, a racer finishing); `extra` is
        time the implementation is allowed on top of the limit (a worker process starting)."""
        if self._refused(kind) or kind in self.refused:
            return event.is_set()
        self.progress.calling("", kind)
        try:
            return self._wait(kind, event, extra)
        finally:
            self.progress.returned()

    def _wait(self, kind, event, extra):
        limit = self.waited = self.limit(kind) + extra
        collected, started = self.collections.seconds(), time.monotonic()
        if event.wait(limit) or self._excused(event, lambda: started, limit, collected):
            return True
        self._hang(kind, limit)
        return False

    def call(self, what, fn, *args, kind, extra=0.0) -> CallResult:
        if self._refused(kind):
            raise Hang(what, self.limit(kind))
        self.progress.calling(what, kind)
        try:
            if kind in self.refused:
                raise Refused(what, kind)
            return self._call(what, fn, args, kind, extra)
        finally:
            self.progress.returned()

    def _call(self, what, fn, args, kind, extra):
        if self._worker is None:
            self._worker = _Worker()
        call, finished = CallResult(), _Finished()
        collected = self.collections.seconds()
        self._worker.jobs.put((fn, args, call, finished))
        limit = self.limit(kind) + extra
        if not finished.wait(limit) and not self._excused(finished, lambda: call.began, limit, collected):
            where = stuck_at(self._worker.ident)
            self._worker.abandoned = True
            self._worker = None
            self._hang(kind, limit)
            raise Hang(what, limit, where)
        return call

    def _excused(self, finished, began, limit, collected):
        """Whether what outlived its limit is done within it once the time that was not the implementation's is
        left out: garbage collections since `collected` (its seconds() then), and the wait for the worker to
        take the call up (`began()`: when it did, 0.0 until then). Bounded by the startup allowance."""
        waited = 0.0
        while waited < self.limits.startup:
            if began():
                remaining = began() + limit + self.collections.seconds() - collected - time.monotonic()
                if remaining <= 0:
                    return False
            else:
                remaining = limit  # not taken up yet: a starved machine
            if finished.wait(remaining):
                return True
            waited += remaining
        return False
