"""Race scenarios for wait(), as_completed() and a thread pool, run under the controlled scheduler like the Future's
(conformance/future/scenario.py), and judged by what each call saw.

A waiter and the threads that complete its futures race: wait() or as_completed() (without a timeout) in one thread,
one completion per future in the others. Whatever the schedule, the waiter must return — every thread blocked with
it still waiting is its clause broken (WAIT-RETURN-*, ASCOMP-ORDER-1), found at once — and return what it must: a
wait() whose condition holds for the futures it calls done, an as_completed() that yields each future once.

An executor's workers are threads the implementation starts: started from a scenario thread, they join the scenario
(primitives.Thread), so the schedule decides when a worker tests for work, too. submit() racing shutdown() must act
in one of the two orders (EXEC-ATOMIC-1): a call submit() accepts runs, and before shutdown(wait=True) returns; a
worker must take a call submitted while it goes idle (EXEC-START-1), and leave at shutdown (EXEC-SHUTDOWN-4).

Each scenario is one run of the scheduler: the first thread makes the futures (or the executor) and then releases
the others, which wait for it — so the cooperative primitives are made in a scenario thread, and the set-up offers
no schedule choices of its own.
"""
import itertools
import sys

from ..scheduling import primitives, scheduler
from ..scheduling.scheduler import Abandoned

WAIT_CLAUSE = {"FIRST_COMPLETED": "WAIT-RETURN-1", "FIRST_EXCEPTION": "WAIT-RETURN-2", "ALL_COMPLETED": "WAIT-RETURN-3"}
TOUR = [  # (kind, detail, completions): each explored under every schedule with at most one preemption
    ("wait", "FIRST_COMPLETED", ("set_result",)),
    ("wait", "FIRST_EXCEPTION", ("set_exception",)),
    ("wait", "ALL_COMPLETED", ("set_result",)),
    ("as_completed", None, ("set_result",)),
    ("as_completed", None, ("set_result", "set_exception")),
    ("overlap", None, ()),
    ("executor", "shutdown", ()),
    ("executor", "idle worker", ()),
]


CHECKS = {**{when: [clause] for when, clause in WAIT_CLAUSE.items()}, "shutdown": ["EXEC-ATOMIC-1"],
          "as_completed": ["ASCOMP-ORDER-1", "ASCOMP-ONCE-1"], "overlap": ["WAIT-OVERLAP-1"],
          "idle worker": ["EXEC-START-1", "EXEC-SHUTDOWN-4"]}
NAMES = {"wait": "wait()/as_completed()", "executor": "the executor"}


def target(adapter, key):
    """The modules a wait()/as_completed() (`key` "wait") or executor ("executor") scenario must run under the
    scheduler: those the calls enter, found by calling them once on a done future; [] for a process pool."""
    if key == "wait":
        future = adapter.new_future()
        adapter.set_result(future, None)
        found = implementation(lambda: adapter.wait([future], 0))
        return found + [m for m in implementation(lambda: list(adapter.as_completed([future]))) if m not in found]
    executor = adapter.new_executor(1)
    try:
        if any("Process" in c.__name__ for c in type(executor).__mro__):  # loky's _ReusablePoolExecutor too
            return []
        return [sys.modules[c.__module__] for c in type(executor).__mro__
                if c.__module__ in sys.modules and not c.__module__.startswith(("conformance", "builtins"))]
    finally:
        executor.shutdown(wait=True)


def implementation(call):
    """The modules whose code `call()` enters first (through the adapter), and those of that function's class."""
    entered = []

    def profile(frame, event, arg):
        if event == "call" and not entered and not frame.f_globals.get("__name__", "").startswith("conformance"):
            entered.append(frame)
    sys.setprofile(profile)
    try:
        call()
    finally:
        sys.setprofile(None)
    if not entered:
        return []
    frame = entered[0]
    owner = frame.f_locals.get("self")
    names = [frame.f_globals.get("__name__")] + [c.__module__ for c in type(owner).__mro__ if owner is not None]
    return [sys.modules[n] for n in dict.fromkeys(names) if n in sys.modules]


class Race:
    """One scenario being run: its threads' bodies, and what they saw."""

    def __init__(self, adapter, kind, detail, completions):
        self.adapter, self.kind, self.detail, self.completions = adapter, kind, detail, completions
        self.clock = itertools.count()
        self.ready = False
        self.futures, self.executor = [], None
        self.seen = {}  # what -> (value or error, clock)
        self.ran = []  # clocks at which submitted calls ran

    def tick(self):
        return next(self.clock)

    def note(self, what, call):
        self.seen[what + ".called"] = self.tick()
        try:
            value = call()
        except Abandoned:
            raise
        except BaseException as error:  # any outcome is an observation
            value = error
        self.seen[what] = (value, self.tick())
        return value

    def bodies(self):
        if self.kind == "executor":
            return [self.submitter, self.stopper] if self.detail == "shutdown" else [self.worker_race]
        waiters = [self.waiter, self.reversed_waiter] if self.kind == "overlap" else [self.waiter]
        return waiters + [self.completer(i, op) for i, op in enumerate(self.completions)]

    def waiter(self):
        self.futures = [self.adapter.new_future() for _ in self.completions or "ab"]
        self.ready = True
        if self.kind == "overlap":
            self.note("wait", lambda: self.adapter.wait(self.futures, 0, "ALL_COMPLETED"))
        elif self.kind == "wait":
            self.note("wait", lambda: self.adapter.wait(self.futures, None, self.detail))
        else:
            self.note("as_completed", lambda: list(self.adapter.as_completed(self.futures)))

    def reversed_waiter(self):
        """WAIT-OVERLAP-1: a second wait() on the same two futures, given in the opposite order; neither is done, and
        both wait()s have a zero timeout, so that each must return whatever the schedule."""
        primitives.wait_until(lambda: self.ready, "the scenario's set-up")
        self.note("reversed wait", lambda: self.adapter.wait(self.futures[::-1], 0, "ALL_COMPLETED"))

    def completer(self, index, op):
        def run():
            primitives.wait_until(lambda: self.ready, "the scenario's set-up")
            future = self.futures[index]
            argument = f"result-{index}" if op == "set_result" else ValueError(f"exception-{index}")
            self.note(f"{op}-{index}", lambda: getattr(self.adapter, op)(future, argument))
        return run

    def call(self):
        self.ran.append(self.tick())
        return len(self.ran)

    def submitter(self):
        self.executor = self.adapter.new_executor(1)
        self.ready = True
        self.note("submit", lambda: self.executor.submit(self.call))

    def stopper(self):
        primitives.wait_until(lambda: self.ready, "the scenario's set-up")
        self.note("shutdown", lambda: self.executor.shutdown(wait=True))

    def worker_race(self):
        self.executor = self.adapter.new_executor(1)
        self.ready = True
        for n in (1, 2):
            future = self.note(f"submit-{n}", lambda: self.executor.submit(self.call))
            self.note(f"result-{n}", lambda: future.result())
        self.note("shutdown", lambda: self.executor.shutdown(wait=True))

    def run(self, modules, files, strategy, limit):
        with primitives.installed(modules):
            return scheduler.Scheduler(strategy, files, limit).run(self.bodies())

    # -- judging ---------------------------------------------------------------------------------------------------

    def stuck(self):
        """The calls made that never returned."""
        return [what[:-7] for what in self.seen if what.endswith(".called") and what[:-7] not in self.seen]

    def verdict(self, outcome):
        """(clause, what went wrong) for a run, or None when it is correct."""
        stuck = self.stuck()
        if self.kind == "executor":
            return self._executor_verdict(stuck)
        if self.kind == "overlap":
            return self._overlap_verdict(stuck, outcome)
        clause = WAIT_CLAUSE[self.detail] if self.kind == "wait" else "ASCOMP-ORDER-1"
        if stuck:
            return clause, (f"{self.kind}() never returned, though every future it waits for was completed"
                            if stuck == [self.kind] else f"every thread is blocked: {', '.join(stuck)}")
        if outcome.status != "finished":
            return None
        value, _ = self.seen[self.kind]
        if isinstance(value, BaseException):
            return clause, f"{self.kind}() raised {type(value).__name__}: {value}"
        if self.kind == "as_completed":
            if sorted(map(id, value)) != sorted(map(id, self.futures)):
                return "ASCOMP-ONCE-1", f"as_completed() yielded {len(value)} futures of {len(self.futures)}"
            return None
        done, not_done = value
        met = {"FIRST_COMPLETED": bool(done), "ALL_COMPLETED": not not_done,
               "FIRST_EXCEPTION": not not_done or any(not f.cancelled() and f.exception(0) for f in done)}
        if not met[self.detail] or not all(f.done() for f in done):
            return clause, f"wait() returned ({len(done)} done, {len(not_done)} not done) before its condition held"
        return None

    def _overlap_verdict(self, stuck, outcome):
        if stuck:
            return "WAIT-OVERLAP-1", ("two wait(timeout=0)s on the same futures, given in opposite orders: every "
                                      f"thread is blocked: {', '.join(f'{s}()' for s in stuck)} never returned")
        if outcome.status != "finished":
            return None
        for what in ("wait", "reversed wait"):
            value, _ = self.seen[what]
            if isinstance(value, BaseException):
                return "WAIT-OVERLAP-1", f"{what}() {_shown(value)} while another wait() ran"
        return None

    def _executor_verdict(self, stuck):
        if stuck:
            clause = "EXEC-SHUTDOWN-4" if stuck == ["shutdown"] else \
                "EXEC-START-1" if any(s.startswith("result") for s in stuck) else "EXEC-ATOMIC-1"
            return clause, ("every thread is blocked: " + ", ".join(f"{s}()" for s in stuck) +
                            " never returned (a call submitted and never started, or a worker that never left)")
        if self.detail != "shutdown" or "shutdown" not in self.seen:
            return None
        submitted, _ = self.seen["submit"]
        _, stopped = self.seen["shutdown"]
        if isinstance(submitted, BaseException):
            return None if isinstance(submitted, RuntimeError) and not self.ran else (
                "EXEC-ATOMIC-1", f"submit() raised {type(submitted).__name__} and its call ran anyway"
                if self.ran else f"submit() raised {type(submitted).__name__}, not RuntimeError")
        if not self.ran or self.ran[0] > stopped:
            return "EXEC-ATOMIC-1", ("submit() accepted a call while shutdown(wait=True) ran, and the call " +
                                     ("never ran" if not self.ran else "ran after shutdown() had returned"))
        return None

    def show(self):
        """The scenario's calls and what they did, for a counterexample."""
        stuck = self.stuck()
        return "; ".join(f"{what} → {_shown(seen[0])}" for what, seen in self.seen.items()
                         if not what.endswith(".called")) + ("; still blocked: " + ", ".join(stuck) if stuck else "")


def _shown(value):
    """What a call of a scenario gave, without calling into the implementation: a Future's repr takes its lock, a
    cooperative primitive that serves only inside the scenario, so an implementation's object is shown by its class."""
    if isinstance(value, BaseException):
        return f"raises {type(value).__name__}"
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(half, (set, frozenset)) for half in value):
        return f"({len(value[0])} done, {len(value[1])} not done)"
    if isinstance(value, list):
        return f"[{len(value)} futures]"
    return repr(value)[:60] if isinstance(value, (int, str, type(None))) else f"a {type(value).__name__}"
