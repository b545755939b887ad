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

Beyond the tour's fixed scenarios, Hypothesis generates them (race_machine.py): one or two waiters — wait() with any
`return_when`, as_completed() — over two futures, each completed by a thread of its own or already done when they wait
(kind "waiters"); and an executor of one or two workers used by two or three threads, each submitting calls,
waiting for their results and shutting the executor down (kind "executor", `detail` = (workers, threads)). Such an
executor scenario is judged by the orders its calls overlapped in: a call accepted by a submit() that began before a
shutdown(wait=True) returned has run by then, and a submit() that began after a shutdown() returned is refused.
"""
import itertools
import os
import sys
import sysconfig

from ..scheduling import primitives, scheduler
from ..scheduling.scheduler import Abandoned

WAIT_CLAUSE = {"FIRST_COMPLETED": "WAIT-RETURN-1", "FIRST_EXCEPTION": "WAIT-RETURN-2", "ALL_COMPLETED": "WAIT-RETURN-3"}
TOUR = [  # (kind, detail, completions): each under every schedule with at most one preemption (and see profiles)
    ("wait", "FIRST_COMPLETED", ("set_result",)),
    ("wait", "FIRST_EXCEPTION", ("set_exception",)),
    ("wait", "ALL_COMPLETED", ("set_result", "done")),  # a completion racing wait()'s own callback of a done one
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
WAITERS = (*WAIT_CLAUSE, "as_completed")  # what a generated waiter calls: wait(return_when) or as_completed()
COMPLETIONS = ("set_result", "set_exception", "done")  # "done": the future is completed before anybody waits
EXECUTOR_CALLS = ("submit", "submit, result", "shutdown", "shutdown(wait=False)")  # a result() waits for the call
ENDINGS = (("shutdown",), ("shutdown",), ("shutdown(wait=False)",), ())  # how a generated thread ends: mostly waiting


def clauses(kind, detail):
    """The clauses a scenario judges."""
    if kind == "waiters":
        return list(dict.fromkeys(c for waiter in detail for c in CHECKS[waiter]))
    if kind == "executor" and not isinstance(detail, str):
        return ["EXEC-ATOMIC-1", "EXEC-START-1", "EXEC-SHUTDOWN-4"]
    return CHECKS[detail or kind]


def normalized(kind, detail, completions):
    """A generated scenario as the suite runs it: a shutdown in the first thread's last call if no thread shuts the
    executor down (so that the workers leave)."""
    if kind == "executor":
        workers, threads = detail
        threads = [tuple(ops) for ops in threads if ops] or [()]
        if not any(op.startswith("shutdown") for ops in threads for op in ops):
            threads[0] = (*threads[0][:2], "shutdown")
        return kind, (workers, tuple(threads)), ()
    return kind, tuple(detail), tuple(completions)


def drawn(kind, rng):
    """A generated scenario of `kind` drawn with `rng` (a random.Random), as the race machine's rules draw them."""
    def some(options, least, most):
        return tuple(rng.choice(options) for _ in range(rng.randint(least, most)))
    if kind == "waiters":
        return normalized(kind, some(WAITERS, 1, 2), some(COMPLETIONS, 2, 2))
    threads = []
    while len(threads) < 2 or (len(threads) < 3 and rng.random() < 0.5):
        threads.append((*some(EXECUTOR_CALLS[:2], 0, 2), *rng.choice(ENDINGS)) or ("submit",))
    return normalized(kind, (rng.randint(1, 2), tuple(threads)), ())


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
        if "pickling" in adapter.capabilities or any("Process" in c.__name__ for c in type(executor).__mro__):
            return []  # a process pool (loky's _ReusablePoolExecutor, mpi4py's MPIPoolExecutor by their capability)
        return [sys.modules[c.__module__] for c in type(executor).__mro__
                if c.__module__ in sys.modules and not c.__module__.startswith(("conformance", "builtins"))]
    finally:
        executor.shutdown(wait=True)


def implementation(call):
    """The modules whose code `call()` enters first (through the adapter), those of that function's class, and every
    other module outside the standard library it enters (a faulty module's wait() handing over to the reference's,
    say: left out, that one's conditions would be real, and its waits out of the scheduler's sight)."""
    entered, others = [], {}

    def profile(frame, event, arg):
        name = frame.f_globals.get("__name__", "")
        if event == "call" and not name.startswith("conformance"):
            if not entered:
                entered.append(frame)
            elif name not in others and not _standard(frame.f_code.co_filename):
                others[name] = None
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
    return [sys.modules[n] for n in dict.fromkeys(names + list(others)) if n in sys.modules and
            (getattr(sys.modules[n], "__file__", None) or "").endswith(".py")]


_STANDARD = tuple(os.path.realpath(sysconfig.get_paths()[key]) + os.sep for key in ("stdlib", "platstdlib"))


def _standard(filename):
    """Whether a file is the standard library's (its modules are swapped only as the implementation itself)."""
    return os.path.realpath(filename).startswith(_STANDARD) and "site-packages" not in filename


class Race:
    """One scenario being run: its threads' bodies, and what they saw."""

    def __init__(self, adapter, kind, detail, completions):
        self.adapter, self.kind, self.detail, self.completions = adapter, kind, detail, completions
        self.waiters = tuple(detail) if kind == "waiters" else ("as_completed",) if kind == "as_completed" else (
            detail,)
        self.generated = kind == "executor" and not isinstance(detail, str)
        self.clock = itertools.count()
        self.ready = False
        self.futures, self.executor = [], None
        self.seen = {}  # what -> (value or error, clock)
        self.ran = []  # clocks at which submitted calls ran
        self.runs = {}  # a generated executor scenario's submit -> the clock its call ran at
        self.unmade = None  # why the futures or the executor could not be made, if they could not
        self.spans = {}  # what -> (the scenario thread that called it, the step it began at, the step it returned at)
        self.ran_by = {}  # scenario thread -> the submitted calls it ran (an executor's worker's)
        self.started = {}  # a thread the implementation started -> (the thread that started it, name, step)

    def tick(self):
        return next(self.clock)

    def note(self, what, call):
        self.seen[what + ".called"] = self.tick()
        sched = scheduler.ACTIVE
        self.spans[what] = (sched.current.index, sched.steps, float("inf"))
        try:
            value = call()
        except Abandoned:
            raise
        except BaseException as error:  # any outcome is an observation
            value = error
        self.seen[what] = (value, self.tick())
        self.spans[what] = self.spans[what][:2] + (sched.steps,)
        return value

    def bodies(self):
        if self.generated:
            return [self.client(t, ops) for t, ops in enumerate(self.detail[1])]
        if self.kind == "executor":
            return [self.submitter, self.stopper] if self.detail == "shutdown" else [self.worker_race]
        if self.kind == "overlap":
            return [self.overlap_waiter, self.reversed_waiter]
        return [self.waiter(i) for i in range(len(self.waiters))] + [
            self.completer(i, op) for i, op in enumerate(self.completions) if op != "done"]

    def overlap_waiter(self):
        """WAIT-OVERLAP-1: a wait() on two futures that nobody completes, with a zero timeout, while another wait()
        (reversed_waiter) waits for the same two in the opposite order."""
        self.futures = [self.adapter.new_future() for _ in "ab"]
        self.ready = True
        self.note("wait", lambda: self.adapter.wait(self.futures, 0, "ALL_COMPLETED"))

    def waiter_name(self, index):
        name = "as_completed" if self.waiters[index] == "as_completed" else "wait"
        return name if len(self.waiters) == 1 else f"{name}#{index + 1}"

    def waiter(self, index):
        def run():
            if index == 0:
                try:
                    self.futures = [self.adapter.new_future() for _ in self.completions]
                    for future, op in zip(self.futures, self.completions):
                        if op == "done":
                            self.adapter.set_result(future, "done before")
                except Abandoned:
                    raise
                except BaseException as error:  # no scenario to judge: the Future's own machine judges this
                    self.unmade = error
                    raise
                finally:
                    self.ready = True
            else:
                primitives.wait_until(lambda: self.ready, "the scenario's set-up")
            if self.waiters[index] == "as_completed":
                self.note(self.waiter_name(index), lambda: list(self.adapter.as_completed(self.futures)))
            else:
                self.note(self.waiter_name(index), lambda: self.adapter.wait(self.futures, None, self.waiters[index]))
        return run

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

    def call(self, tag=None):
        self.ran.append(self.tick())
        if tag is not None:
            self.runs[tag] = self.ran[-1]
        worker = scheduler.managed()
        ran = self.ran_by.setdefault(None if worker is None else worker.index, [])
        ran.append(f"{tag}'s call" if tag else f"call {len(self.ran)}")
        return tag or len(self.ran)

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

    def client(self, thread, ops):
        """A thread of a generated executor scenario (the first makes the executor)."""
        def run():
            if thread == 0:
                try:
                    self.executor = self.adapter.new_executor(self.detail[0])
                except Abandoned:
                    raise
                except BaseException as error:  # no scenario to judge: the executor machine judges this
                    self.unmade = error
                    raise
                finally:
                    self.ready = True
            else:
                primitives.wait_until(lambda: self.ready, "the scenario's set-up")
            for n, op in enumerate(ops, 1):
                what = f"T{thread + 1}.{op.split(',')[0]}#{n}"
                if op.startswith("submit"):
                    submitted = self.note(what, lambda: self.executor.submit(self.call, what))
                    if op != "submit" and not isinstance(submitted, BaseException):
                        self.note(f"T{thread + 1}.result#{n}", submitted.result)
                else:
                    self.note(what, lambda: self.executor.shutdown(wait=op == "shutdown"))
        return run

    def run(self, modules, files, strategy, limit):
        with primitives.installed(modules):
            outcome = scheduler.Scheduler(strategy, files, limit).run(self.bodies(), after=lambda: self.ready)
        self.started = outcome.started
        return outcome

    # -- judging ---------------------------------------------------------------------------------------------------

    def stuck(self):
        """The calls made that never returned."""
        return [what[:-7] for what in self.seen if what.endswith(".called") and what[:-7] not in self.seen]

    def verdict(self, outcome):
        """(clause, what went wrong) for a run, or None when it is correct."""
        stuck = self.stuck()
        if self.unmade is not None:
            return None
        if self.generated:
            return self._generated_verdict(stuck, outcome)
        if self.kind == "executor":
            return self._executor_verdict(stuck)
        if self.kind == "overlap":
            return self._overlap_verdict(stuck, outcome)
        names = [self.waiter_name(i) for i in range(len(self.waiters))]
        clause_of = {name: WAIT_CLAUSE.get(w, "ASCOMP-ORDER-1") for name, w in zip(names, self.waiters)}
        if stuck:
            waiting = [s for s in stuck if s in clause_of] or names
            return clause_of[waiting[0]], (
                f"{waiting[0]}() never returned, though every future it waits for was completed"
                if set(stuck) <= set(names) else f"every thread is blocked: {', '.join(stuck)}")
        if outcome.status != "finished":
            return None
        for name, waiter in zip(names, self.waiters):
            found = self._waiter_verdict(name, waiter, clause_of[name])
            if found is not None:
                return found
        return None

    def _waiter_verdict(self, name, waiter, clause):
        value, _ = self.seen[name]
        if isinstance(value, BaseException):
            return clause, f"{name}() raised {type(value).__name__}: {value}"
        if waiter == "as_completed":
            if sorted(map(id, value)) != sorted(map(id, self.futures)):
                return "ASCOMP-ONCE-1", f"{name}() yielded {len(value)} futures of {len(self.futures)}"
            return None
        done, not_done = value
        met = {"FIRST_COMPLETED": bool(done), "ALL_COMPLETED": not not_done,
               "FIRST_EXCEPTION": not not_done or any(not f.cancelled() and f.exception(0) for f in done)}
        if not met[waiter] or not all(f.done() for f in done):
            return clause, f"{name}() returned ({len(done)} done, {len(not_done)} not done) before its condition held"
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

    def _generated_verdict(self, stuck, outcome):
        """A generated executor scenario: nothing left blocked, and each submit() as one of the orders it overlapped
        a shutdown() in allows (EXEC-ATOMIC-1; EXEC-SHUTDOWN-1/4 where they did not overlap)."""
        calls = {what: (self.seen[what + ".called"], *self.seen[what]) for what in self.seen
                 if not what.endswith(".called")}
        if stuck or outcome.status != "finished":
            clause = "EXEC-START-1" if any(_op(s) == "result" for s in stuck) else \
                "EXEC-SHUTDOWN-4" if all(_op(s).startswith("shutdown") for s in stuck) else "EXEC-ATOMIC-1"
            return clause, ("every thread is blocked: " + ", ".join(f"{s}()" for s in stuck) + " never returned"
                            if stuck else "a worker never left, though every call returned and the executor was shut "
                            "down") + " (a call submitted and never started, or a worker that never left)"
        stops = [(called, returned, _op(what) == "shutdown" and not isinstance(value, BaseException))
                 for what, (called, value, returned) in calls.items() if _op(what).startswith("shutdown")]
        for what, (called, value, returned) in calls.items():
            if _op(what) != "submit":
                continue
            ran = self.runs.get(what)
            if isinstance(value, BaseException):
                if ran is not None or not isinstance(value, RuntimeError):
                    return "EXEC-ATOMIC-1", f"{what}() raised {type(value).__name__}" + (
                        " and its call ran anyway" if ran is not None else ", not RuntimeError")
                if all(returned < stop_called for stop_called, _, _ in stops):
                    return "EXEC-ATOMIC-1", f"{what}() raised RuntimeError before any shutdown() was called"
                continue
            if ran is None:
                return "EXEC-ATOMIC-1", f"{what}() accepted a call that never ran"
            for stop_called, stop_returned, waits in stops:
                if stop_returned < called:
                    return "EXEC-SHUTDOWN-1", f"{what}() accepted a call after a shutdown() had returned"
                if waits and ran > stop_returned:
                    return ("EXEC-ATOMIC-1" if returned > stop_called else "EXEC-SHUTDOWN-4",
                            f"shutdown(wait=True) returned before the call {what}() accepted had run")
        return None

    def show(self):
        """The scenario's calls and what they did, for a counterexample (a generated executor scenario's one line
        per thread, its calls in order)."""
        stuck = self.stuck()
        if self.generated:
            calls = [what[:-7] for what in self.seen if what.endswith(".called")]  # in the order they were made
            return "\n".join([f"T{t + 1}: " + "; ".join(
                f"{what.split('.', 1)[1]} → " + (_shown(self.seen[what][0]) if what in self.seen else "still blocked")
                for what in calls if what.startswith(f"T{t + 1}.")) for t in range(len(self.detail[1]))]
                + self.threads_started())
        return "; ".join([f"T{self.spans[what][0] + 1}: {what} → {_shown(seen[0])}" for what, seen in self.seen.items()
                          if not what.endswith(".called")] + self.threads_started()) + (
            "; still blocked: " + ", ".join(f"T{self.spans[what][0] + 1}: {what}" for what in stuck) if stuck else "")

    def threads_started(self):
        """Who is who among the threads the implementation started (an executor's workers): the thread that
        started each, in which of its calls, and the submitted calls it ran — the switches name them T4, T5…"""
        shown = []
        for index, (parent, name, step) in sorted(self.started.items()):
            during = next((what for what, (thread, began, returned) in self.spans.items()
                           if thread == parent and began <= step <= returned), None)
            ran = self.ran_by.get(index, [])
            shown.append(f"T{index + 1} = " + ("the executor's worker" if self.kind == "executor" else
                                              "a thread the implementation started") + (f" {name!r}" if name else "")
                         + f", started by T{parent + 1}" + (f" in {during}()" if during else "") + ": "
                         + (f"ran {', '.join(ran)}" if ran else "ran no call"))
        return shown


def _op(what):
    """The operation a generated executor scenario's call is ("T2.submit#1" → "submit")."""
    return what.split(".", 1)[1].split("#")[0]


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
