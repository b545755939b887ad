"""Run the threads of a scenario one at a time, switching only where a strategy says so.

A free-running race only finds bugs whose window the OS happens to hit; here the suite decides. Every scenario thread
is a real thread, but at most one of them runs: the others wait on a semaphore of their own (of the real threading
module). The running thread stops at *switch points* — every line of the implementation's own files (sys.settrace,
restricted to those files, so the suite's and the standard library's frames cost nothing) and every operation on a
cooperative primitive (primitives.py) — and asks the strategy which thread runs next. A thread that would block is
known to be blocked, with the condition under which it can go on; when no thread can go on, a thread blocked with a
timeout times out (the scheduler models time), and if none is, the scenario has deadlocked: that is known at once.

On Python 3.12+ the lines come from sys.monitoring instead (PEP 669: LINE events switched on for the
implementation's code objects only, for the length of a run; a line run by a thread that is not the scenario's costs
a call that returns at once): no trace function in any frame, and no tracer displaced — coverage's included, which
settrace would replace in scenario threads. FUTURESPEC_SWITCH_POINTS=settrace keeps settrace everywhere, as on
3.9–3.11 (benchmarks/races.py compares the two).

Code that blocks outside the scheduler's control (C code, a lock made before the scenario) never reaches a switch
point: a watchdog on the controlling thread sees no step for a whole time limit and ends the run as `uncontrolled`.
"""
import _thread
import contextlib
import functools
import os
import sys
import threading
import time
import types
from dataclasses import dataclass, field

from ..watchdog import stuck_at

ACTIVE = None  # the scheduler running a scenario now, if any (the cooperative primitives ask it)
FAIR_AFTER = 5000  # steps after which the strategy is overridden by round-robin, so a thread spinning ends
MAX_STEPS = 100000  # steps after which a schedule is a livelock


class Abandoned(BaseException):
    """Raised in a scenario thread that the scheduler gives up on (a deadlock, a livelock), to unwind it."""


def managed():
    """The scenario thread the caller runs in, or None when it is not one."""
    scheduler = ACTIVE
    if scheduler is None:
        return None
    worker = scheduler.current
    return worker if worker is not None and worker.ident == threading.get_ident() else None


@dataclass
class Outcome:
    """How a run under the scheduler ended, and the switches that led there."""

    status: str  # finished | deadlock | uncontrolled | livelock
    steps: int
    trail: list = field(default_factory=list)  # (step, from thread, to thread, where the first one stopped)
    blocked: dict = field(default_factory=dict)  # thread index -> what it was blocked on, when it ended
    timeouts: list = field(default_factory=list)  # (thread index, step) of every timeout the scheduler fired
    stuck: str = ""  # where the thread that blocked outside the scheduler's control was
    left_behind: list = field(default_factory=list)  # scenario threads still blocked out of sight after the run
    started: dict = field(default_factory=dict)  # thread index -> (the thread that started it, its name, step)


class Wake:
    """What a parked scenario thread waits on: a binary semaphore on one raw lock, held while nobody may run. The
    hand-offs between scenario threads are the scheduler's cost, and threading.Semaphore's (a Condition, a new lock
    per wait) took twice as long per hand-off (two threads passing control back and forth: 43 µs a round trip, 21 µs
    with the raw lock). Released only to resume its one thread, by the thread that hands control on or by
    Scheduler.end(), never twice before that thread takes it; were it, it would stay released, as a semaphore of one."""

    def __init__(self):
        self._lock = _thread.allocate_lock()
        self._lock.acquire()
        self.acquire = self._lock.acquire

    def release(self):
        try:
            self._lock.release()
        except RuntimeError:  # already released
            pass


class Carrier:
    """A real thread that runs scenario threads, one after another: starting a thread costs two hand-offs between
    OS threads, more than a whole short scenario, so carriers are kept between runs (IDLE). One stuck where the
    scheduler cannot see (an `uncontrolled` run) never comes back, and is replaced."""

    def __init__(self):
        self.wake = Wake()
        self.worker = None
        self.thread = threading.Thread(target=self.loop, name="futurespec-scheduled", daemon=True)
        self.thread.start()
        self.ident = self.thread.ident

    def loop(self):
        while True:
            self.wake.acquire()
            worker = self.worker
            try:
                worker.run()
            except Abandoned:  # the run ended (a deadlock) as this thread handed on, its body done
                pass
            finally:
                self.worker = None
                worker.gone.set()
            IDLE.append(self)


IDLE = []  # carriers waiting for a scenario thread (list.append and pop are atomic)


class Worker:
    """One scenario thread: its body, the carrier that runs it (and its semaphore, to be resumed with), and whether
    it can run."""

    def __init__(self, scheduler, index, body):
        self.scheduler = scheduler
        self.index = index
        self.body = body
        self.status = "ready"  # ready | blocked | done
        self.until = None  # when blocked: whether it can go on
        self.blocked_on = ""
        self.timed = False  # blocked with a timeout the scheduler may fire
        self.fired = False
        self.where = ("start", 0)
        self.error = None
        self.gone = threading.Event()  # its body has returned or unwound: the carrier runs no code of this run
        carrier = IDLE.pop() if IDLE else Carrier()
        carrier.worker = self
        self.wake, self.ident = carrier.wake, carrier.ident

    def run(self):
        scheduler = self.scheduler
        if scheduler.ended:
            self.status = "done"
            return
        self.status = "ready"
        traced = not scheduler.monitored
        if traced:
            sys.settrace(scheduler.trace)
        try:
            self.body()
        except Abandoned:
            return
        except BaseException as error:  # a thread the implementation started ends as a real one would
            self.error = error
        finally:
            if traced:
                sys.settrace(None)
        self.status = "done"
        if not scheduler.ended:
            scheduler.next(self)

    @property
    def enabled(self):
        return self.status == "ready" or (self.status == "blocked" and self.until())


class Scheduler:
    """Runs bodies (callables) as scenario threads under a strategy; `files` are the implementation's source files,
    whose lines are switch points; `limit` is how long one step may take before the run is `uncontrolled`."""

    def __init__(self, strategy, files, limit):
        self.strategy = strategy
        self.files = frozenset(map(_real, files))
        self._traced = {}  # file name as code objects give it -> whether it is one of `files`
        self.limit = limit
        self.workers = []
        self.current = None

    def run(self, bodies, after=None):
        """Run the bodies, each as a scenario thread, to the end; `after` is a condition every thread but the first
        waits for before it starts (a set-up the first thread makes: switching to the others before it holds would
        change nothing, and would double the schedules to explore)."""
        global ACTIVE
        self.workers = [Worker(self, i, body) for i, body in enumerate(bodies)]
        if after is not None:
            for worker in self.workers[1:]:
                worker.status, worker.until, worker.blocked_on = "blocked", after, "the scenario's set-up"
        self.steps = 0
        self.ended = False
        self.outcome = None
        self.trail, self.timeouts, self.started = [], [], {}
        self.finished = threading.Event()
        self.monitored = MONITORING is not None and bool(self.files) and _tool() is not None
        ACTIVE = self
        try:
            with _monitored(self.files) if self.monitored else contextlib.nullcontext():
                first = self.workers[self.strategy.choose([w.index for w in self.workers if w.enabled], None, 0)]
                self.current = first
                first.wake.release()
                seen = -1
                while not self.finished.wait(self.limit):
                    if self.steps == seen:  # no switch point for a whole limit: blocked where it cannot see
                        self.end("uncontrolled", stuck=stuck_at(self.current.ident, frames=4))
                        break
                    seen = self.steps
        finally:
            ACTIVE = None
        self.outcome.left_behind = self.unwound()
        return self.outcome

    def unwound(self):
        """Wait (one limit in all) until every scenario thread of the run has returned or unwound, so that none runs
        code of this run while the next one runs; the threads still blocked out of sight then (an `uncontrolled`
        run's: Python cannot end a thread blocked in C code) are named, and their carriers never reused."""
        left = [w for w in self.workers if w.status != "done" or not w.gone.is_set()]
        if left:
            deadline = self.limit
            for worker in left:
                started = time.monotonic()
                worker.gone.wait(max(0.0, deadline))
                deadline -= time.monotonic() - started
        return [f"T{w.index + 1}" for w in self.workers if not w.gone.is_set()]

    def spawn(self, body, name=""):
        """A thread the running one starts (primitives.Thread): one more worker, ready to be scheduled."""
        if self.ended:
            raise Abandoned()
        worker = Worker(self, len(self.workers), body)
        self.workers.append(worker)
        self.started[worker.index] = (self.current.index, name, self.steps)
        return worker

    # -- called by the running scenario thread ---------------------------------------------------------------------

    def trace(self, frame, event, arg):
        """Called at every Python call a scenario thread makes: trace the implementation's frames only."""
        filename = frame.f_code.co_filename
        traced = self._traced.get(filename)
        if traced is None:
            traced = self._traced[filename] = _real(filename) in self.files
        return self._line if traced else None

    def _line(self, frame, event, arg):
        if event == "line":
            self.point((frame.f_code.co_filename, frame.f_lineno))
        return self._line

    def point(self, where):
        """A switch point in the running thread: the strategy may hand control to another thread here."""
        if self.ended:
            raise Abandoned()
        worker = self.current
        worker.where = where
        self.steps += 1
        if self.steps > MAX_STEPS:
            self.end("livelock")
            raise Abandoned()
        self.next(worker)

    def block(self, until, what, timed):
        """The running thread cannot go on until `until()` holds: run others meanwhile. False if its timeout fired."""
        worker = self.current
        if self.ended:
            raise Abandoned()
        worker.status, worker.until, worker.blocked_on = "blocked", until, what
        worker.timed, worker.fired = timed, False
        self.steps += 1
        self.next(worker)
        worker.status = "ready"
        return not worker.fired

    def next(self, worker):
        """Choose the thread that runs after `worker` (the running one, which may have blocked or finished)."""
        enabled = []  # Worker.enabled, inlined (a loop: before 3.12 a comprehension is a call of its own)
        for w in self.workers:
            if w.status == "ready" or (w.status == "blocked" and w.until()):
                enabled.append(w.index)
        if not enabled:
            timed = [w for w in self.workers if w.status == "blocked" and w.timed]
            if timed:  # nothing else can happen: the modelled time passes and the first timed wait expires
                timed[0].fired = True
                self.timeouts.append((timed[0].index, self.steps))
                enabled = [timed[0].index]
            elif all(w.status == "done" for w in self.workers):
                self.end("finished")
                return
            else:
                self.end("deadlock")
                raise Abandoned()
        if self.steps > FAIR_AFTER:
            chosen = enabled[self.steps % len(enabled)]
        else:
            status = worker.status
            place = worker.where if status == "ready" else worker.blocked_on if status == "blocked" else "done"
            chosen = self.strategy.choose(enabled, worker.index, self.steps, place)
        if chosen == worker.index:
            return
        following = self.workers[chosen]
        self.trail.append((self.steps, worker.index, chosen, worker.where))
        self.current = following
        following.wake.release()
        if worker.status == "done":
            return
        worker.wake.acquire()
        if self.ended:
            raise Abandoned()

    def end(self, status, stuck=""):
        """End the run: every parked thread is resumed to unwind (Abandoned), the controlling thread is told."""
        if self.ended:
            return
        self.ended = True
        self.outcome = Outcome(status, self.steps, self.trail, timeouts=self.timeouts, stuck=stuck,
                               started=self.started, blocked={
            w.index: w.blocked_on for w in self.workers if w.status == "blocked"})
        for worker in self.workers:
            if worker is not self.current and worker.status != "done":
                worker.wake.release()
        self.finished.set()


MONITORING = getattr(sys, "monitoring", None) if os.environ.get("FUTURESPEC_SWITCH_POINTS") != "settrace" else None
_TOOL = []  # the sys.monitoring tool id the scheduler holds, once it has asked for one ([None]: none was free)


def _tool():
    if not _TOOL:
        free = [tool for tool in (4, 5, 3, 2) if MONITORING.get_tool(tool) is None]
        _TOOL.append(free[0] if free else None)
        if free:
            MONITORING.use_tool_id(free[0], "futurespec scheduler")
            MONITORING.register_callback(free[0], MONITORING.events.LINE, _on_line)
    return _TOOL[0]


def _on_line(code, line):
    worker = managed()
    if worker is not None:
        worker.scheduler.point((code.co_filename, line))


@functools.lru_cache(maxsize=None)
def _codes(files):
    """The code objects of the implementation's files: its modules' functions and methods, and those nested in them."""
    found = set()

    def code(c):
        if c not in found and _real(c.co_filename) in files:
            found.add(c)
            for const in c.co_consts:
                if isinstance(const, types.CodeType):
                    code(const)

    def walk(namespace, seen):
        for value in list(namespace.values()):
            for f in (value, getattr(value, "__func__", None), getattr(value, "fget", None),
                      getattr(value, "fset", None), getattr(value, "__wrapped__", None)):
                if isinstance(f, types.FunctionType):
                    code(f.__code__)
            if isinstance(value, type) and value not in seen:
                seen.add(value)
                walk(vars(value), seen)
    for module in list(sys.modules.values()):
        if _real(getattr(module, "__file__", None) or "") in files:
            walk(vars(module), set())
    return frozenset(found)


@contextlib.contextmanager
def _monitored(files):
    """The implementation's lines as LINE events to _on_line while the block runs (nothing if monitoring is off)."""
    tool = _tool() if MONITORING is not None and files else None
    codes = _codes(files) if tool is not None else ()
    for c in codes:
        MONITORING.set_local_events(tool, c, MONITORING.events.LINE)
    try:
        yield
    finally:
        for c in codes:
            MONITORING.set_local_events(tool, c, 0)


@functools.lru_cache(maxsize=None)
def _real(filename):
    """A source file's real path (cached: asked at every call the scenario threads make)."""
    return os.path.realpath(filename)


def where(point):
    """A switch point as people read it: file:line (a cooperative primitive's operation as its name)."""
    filename, line = point
    return f"{os.path.basename(filename)}:{line}" if line else filename
