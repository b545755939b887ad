"""Bridge races under the controlled scheduler (issue 10's asyncio side): the loop's thread and a thread of the
user's race over one link, run one line at a time in an order the suite chooses (conformance/scheduling/).

The BridgeMachine drives every step itself, between loop iterations, so it never sees what happens while the loop
runs a callback and another thread completes or cancels the cf side. Here the loop runs in a scenario thread (T1),
as its users run it, while T2 is a producer completing a wrapped cf future (`wrap`), or a foreign thread calling
run_coroutine_threadsafe() and then waiting for the result or cancelling it (`coroutine`); the `+cancel` kinds also
cancel the asyncio side from the loop (`wrap+cancel`) or the cf side from T2 (`coroutine+cancel`). In the `executor`
kinds the loop's thread calls run_in_executor() on the adapter's thread pool, whose worker (started by that call, so
a scenario thread too) runs the call and hands its outcome to the loop, racing the loop's cancel() of the asyncio side
in `executor+cancel`.

The loop's thread blocks in selector.select(), C code the scheduler cannot see, so the loop gets a cooperative
selector (`Selector`, around loop._selector): its select() waits as a blocked scenario thread until one of the real
selector's file descriptors is ready (asked with select(0)), the self-pipe that call_soon_threadsafe() writes to
among them. A loop asleep with a callback handed to it and no wake-up is then a deadlock, found at once. The
scenarios schedule no timers. concurrent.futures gets the cooperative primitives too (a cf future's result() waits
on its Condition). Only asyncio's own selector loops run here, and a pure-Python subclass of theirs that the
implementation ships (a `bridge-module:` module's new_event_loop(); its module traced like the bridge's, so a lost
wake-up in its call_soon_threadsafe() is a window the scheduler can land in): a loop without a Python selector (uvloop,
rloop, trio-asyncio) is left to the BridgeMachine, and the adapter's description says which mode judged it (`races`).
"""
import asyncio
import concurrent.futures
import os
import sys

from hypothesis import strategies as st
from hypothesis.stateful import rule

from ..executors.races import implementation
from .instruments import RecordingExecutor
from ..judging import Judge, judged
from ..loop_machine import run_once
from ..scheduling import primitives, scheduler, strategies
from ..scheduling.scheduler import Abandoned, where

KINDS = ("wrap", "wrap+cancel", "coroutine", "coroutine+cancel", "executor", "executor+cancel")
CLAUSES = {"wrap": ("BRIDGE-WRAP-4", "BRIDGE-WRAP-5"), "wrap+cancel": ("BRIDGE-CANCEL-2", "BRIDGE-CANCEL-3"),
           "coroutine": ("BRIDGE-RCT-1", "BRIDGE-RCT-3"), "coroutine+cancel": ("BRIDGE-RCT-4", "BRIDGE-RCT-6"),
           "executor": ("BRIDGE-EXEC-2",), "executor+cancel": ("BRIDGE-EXEC-3", "BRIDGE-EXEC-4")}
HANDLED = {"wrap": "BRIDGE-WRAP-4", "wrap+cancel": "BRIDGE-CANCEL-3", "coroutine": "BRIDGE-RCT-3",
           "coroutine+cancel": "BRIDGE-RCT-6", "executor": "BRIDGE-EXEC-2", "executor+cancel": "BRIDGE-EXEC-4"}
SETTLE = 3  # loop iterations after the race: a cancellation handed to the loop needs up to three (BRIDGE-RCT-4)
TOUR_PREEMPTIONS = 2
PREEMPTIONS = {"executor+cancel": 1}  # all of its ≤2 schedules: 364 on asyncio's bridge, 0.5 s (see profiles)
TOUR_RUNS = 300  # schedules at most per tour scenario
CHANGE_POINTS = 1000
SELECT = "the loop's selector.select()"


class Selector:
    """The loop's selector as scenario threads see it: select() waits cooperatively for a ready file descriptor."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def select(self, timeout=None):
        if scheduler.managed() is None:
            return self._real.select(timeout)
        primitives.wait_until(lambda: bool(self._real.select(0)), SELECT, timeout)
        return self._real.select(0)


class Token:
    def __repr__(self):
        return "the coroutine's result"


class BridgeRace:
    """One scenario being run: T1 runs the loop, T2 is the user's other thread; what each call did."""

    def __init__(self, adapter, kind):
        self.adapter, self.kind = adapter, kind
        self.cancel = kind.endswith("+cancel")
        self.token = Token()
        self.ready, self.unmade, self.started, self.ran = False, None, False, False
        self.loop = self.cf = self.aio = self.executor = None
        self.seen = {}  # what -> ("returns", value) or ("raises", error), in the order the calls returned
        self.handled = []  # what the loop's exception handler was given

    def note(self, what, call):
        try:
            value = call()
        except Abandoned:
            raise
        except BaseException as error:  # any outcome is an observation
            self.seen[what] = ("raises", error)
            return error
        self.seen[what] = ("returns", value)
        return value

    def loop_thread(self):
        try:
            loop = self.loop = self.adapter.new_loop()
            loop._selector = Selector(loop._selector)
            loop.set_exception_handler(lambda _, context: self.handled.append(context))
            if self.kind.startswith("wrap"):
                self.cf = self.adapter.new_cf_future()
                self.aio = self.adapter.wrap_future(self.cf, loop)
            elif self.kind.startswith("executor"):
                self.executor = RecordingExecutor(self.adapter.new_executor())
                if any("Process" in c.__name__ for c in type(self.executor.inner).__mro__):
                    self.executor.shutdown()
                    raise NotImplementedError("a process pool's worker is not a thread the scheduler can run")
                self.aio = self.note("run_in_executor()", lambda: self.adapter.run_in_executor(
                    loop, self.executor, self.call))
                self.cf = self.executor.submitted[0][2] if len(self.executor.submitted) == 1 else None
            if self.cancel and asyncio.isfuture(self.aio):  # the call may be done by now: cancel() may return False
                loop.call_soon(self.note, "aio.cancel()", self.aio.cancel)
        except Abandoned:
            raise
        except BaseException as error:  # no scenario to judge: the BridgeMachine judges this
            self.unmade = error
            raise
        finally:
            self.ready = True
        if asyncio.isfuture(self.aio):
            self.note("run_until_complete(wrapped)", lambda: loop.run_until_complete(self.aio))
        elif self.aio is None:
            self.note("run_forever()", loop.run_forever)
        for _ in range(SETTLE):
            run_once(loop)
        if self.executor is not None:
            self.note("executor.shutdown()", self.executor.shutdown)

    def call(self):
        """The function run_in_executor() runs in the executor's worker."""
        self.ran = True
        return self.token

    def user_thread(self):
        primitives.wait_until(lambda: self.ready, "the scenario's set-up")
        if self.unmade is not None:
            return
        if self.kind.startswith("wrap"):  # a producer, as an executor's worker completes a call's future
            if self.note("cf.set_running_or_notify_cancel()", self.cf.set_running_or_notify_cancel) is True:
                self.note("cf.set_result()", lambda: self.cf.set_result(self.token))
            return
        cf = self.note("run_coroutine_threadsafe()", lambda: self.adapter.run_coroutine_threadsafe(
            self.coroutine(), self.loop))
        if isinstance(cf, concurrent.futures.Future):
            self.cf = cf
            self.note("cf.cancel()" if self.cancel else "cf.result()", cf.cancel if self.cancel else cf.result)
        self.loop.call_soon_threadsafe(self.loop.stop)

    async def coroutine(self):
        self.started = True
        await asyncio.sleep(0)
        return self.token

    def run(self, modules, files, strategy, limit):
        with primitives.installed(modules):
            threads = [self.loop_thread] + ([] if self.kind.startswith("executor") else [self.user_thread])
            return scheduler.Scheduler(strategy, files, limit).run(threads, after=lambda: self.ready)

    def close(self):
        """Close the scenario's loop (from the controlling thread, once the run is over)."""
        if self.loop is not None and not self.loop.is_running() and not self.loop.is_closed():
            self.loop.close()

    # -- judging ---------------------------------------------------------------------------------------------------

    def verdict(self, outcome):
        """(clause, what went wrong) for a run, or None when it is correct."""
        if self.unmade is not None:
            return None
        wrap = self.kind.startswith("wrap")
        if outcome.status == "deadlock":
            queued = len(getattr(self.loop, "_ready", ())) if SELECT in outcome.blocked.values() else 0
            clause = "BRIDGE-WRAP-4" if wrap else "BRIDGE-EXEC-2" if self.executor is not None else (
                "BRIDGE-RCT-3" if self.started else "BRIDGE-RCT-1")
            return clause, "every thread is blocked: " + "; ".join(
                f"T{t + 1} in {what}" for t, what in sorted(outcome.blocked.items())) + (
                f" — the loop sleeps with {queued} callback(s) queued that nobody woke it for" if queued else "")
        if self.handled:
            clause = HANDLED[self.kind]
            context = self.handled[0]
            return clause, (f"the loop's exception handler was called: {context.get('message')!r} "
                            f"({type(context.get('exception')).__name__})")
        raised = [(what, seen[1]) for what, seen in self.seen.items() if seen[0] == "raises"
                  and not what.startswith("run_until_complete")]
        if raised:
            what, error = raised[0]
            clause = {"run_coroutine_threadsafe()": "BRIDGE-RCT-1", "cf.cancel()": "BRIDGE-RCT-6",
                      "cf.result()": "BRIDGE-RCT-3", "run_in_executor()": "BRIDGE-EXEC-1",
                      "executor.shutdown()": "BRIDGE-EXEC-2"}.get(
                what, "BRIDGE-CANCEL-3" if self.cancel else "BRIDGE-WRAP-5")
            return clause, f"{what} raised {type(error).__name__}: {error}"
        if self.executor is not None:
            return self._executor_verdict()
        return self._wrap_verdict() if wrap else self._coroutine_verdict()

    def _wrap_verdict(self):
        aio, cf = self.aio, self.cf
        if not self.cancel:
            if not aio.done():
                return "BRIDGE-WRAP-4", "the wrapped future was still PENDING after the cf future had completed"
            if aio.cancelled() or aio.exception() is not None or aio.result() is not self.token:
                return "BRIDGE-WRAP-5", "the wrapped future did not get the cf future's result"
            return None
        if not aio.cancelled():
            return "BRIDGE-CANCEL-3", "the cancelled asyncio side did not stay CANCELLED"
        started = self.seen["cf.set_running_or_notify_cancel()"][1]
        if not started and not cf.cancelled():
            return "BRIDGE-CANCEL-2", "the cf future was not CANCELLED though it was never started"
        if started and (cf.cancelled() or cf.result(0) is not self.token):
            return "BRIDGE-CANCEL-3", "the started cf future lost its result to the asyncio side's cancellation"
        return None

    def _executor_verdict(self):
        aio, cf = self.aio, self.cf
        if not asyncio.isfuture(aio) or cf is None:
            return "BRIDGE-EXEC-1", "run_in_executor() did not submit the call once and return an asyncio future"
        if not self.cancel or self.seen.get("aio.cancel()") == ("returns", False):
            if not aio.done():
                return "BRIDGE-EXEC-2", "the asyncio future was still PENDING after the call had returned"
            if aio.cancelled() or aio.exception() is not None or aio.result() is not self.token:
                return "BRIDGE-EXEC-2", "the asyncio future did not get the call's result"
            return None
        if not aio.cancelled():
            return "BRIDGE-EXEC-4", "the cancelled asyncio future did not stay CANCELLED"
        if cf.cancelled() and self.ran:
            return "BRIDGE-EXEC-3", "the call's cf future was CANCELLED, yet its function ran"
        if not cf.cancelled() and not self.ran:
            return "BRIDGE-EXEC-3", "the call never ran, yet its cf future was not CANCELLED"
        return None

    def _coroutine_verdict(self):
        cf = self.cf
        if not self.cancel:
            got = self.seen["cf.result()"][1]
            return None if got is self.token else ("BRIDGE-RCT-3", f"cf.result() returned {got!r}")
        cancelled = self.seen["cf.cancel()"][1]
        if asyncio.all_tasks(self.loop):
            return "BRIDGE-RCT-4", f"the task was still pending {SETTLE} loop iterations after cf.cancel()"
        if cancelled is True and not cf.cancelled():
            return "BRIDGE-RCT-6", "cf.cancel() returned True, yet the cf future ended FINISHED"
        if cancelled is False and (not cf.done() or cf.cancelled() or cf.result(0) is not self.token):
            return "BRIDGE-RCT-6", "cf.cancel() returned False, yet the cf future did not get the coroutine's result"
        return None

    def show(self, outcome):
        user = "the executor's worker, started by T1's run_in_executor()" if self.executor is not None else (
            f"the user's other thread ({self.kind})")
        calls = "; ".join(f"T{1 + (what.startswith(('cf.', 'run_coroutine')))}: {what} " + (
            f"raised {type(value).__name__}" if kind == "raises" else "→ a cf future"
            if isinstance(value, concurrent.futures.Future) else f"→ {value!r}")
            for what, (kind, value) in self.seen.items())
        switches = " → ".join(f"T{a + 1}@{where(w)}→T{b + 1}" for _, a, b, w in outcome.trail[:40])
        ran = f"; the call ran: {self.ran}" if self.executor is not None else ""
        return (f"T1 runs the loop; T2 is {user}: {calls}{ran}\n"
                f"switches (thread@where it was preempted→next): {switches or 'none'}")


def target(adapter):
    """The bridge's modules (traced) and concurrent.futures' (cooperative primitives only), or None when the
    adapter's loop is not one of asyncio's selector loops or a pure-Python subclass the implementation ships (its
    module traced too): uvloop, rloop and trio-asyncio stay with the sequential BridgeMachine."""
    loop = adapter.new_loop()
    own = getattr(adapter, "loop_module", None)  # a pure-Python loop the implementation ships (bridge-module:)
    try:
        if not (isinstance(loop, asyncio.selector_events.BaseSelectorEventLoop) and all(
                c.__module__ in ("builtins", own) or c.__module__.startswith("asyncio.") for c in type(loop).__mro__)):
            return None
        found = [sys.modules[own]] if own is not None and type(loop).__module__ == own else []
        cf = adapter.new_cf_future()
        found += [m for m in implementation(lambda: adapter.wrap_future(cf, loop)) if m not in found]
        coroutine = _nothing()
        found += [m for m in implementation(lambda: adapter.run_coroutine_threadsafe(coroutine, loop))
                  if m not in found]
        coroutine.close()
        executor = adapter.new_executor()
        try:
            pool = [sys.modules[c.__module__] for c in type(executor).__mro__ if c.__module__ in sys.modules
                    and not c.__module__.startswith(("conformance", "builtins"))]
        finally:
            executor.shutdown()
    finally:
        loop.close()
    found = [m for m in found if not m.__name__.startswith("conformance")]
    if not found:
        return None
    shared = [m for m in dict.fromkeys([concurrent.futures._base] + pool) if m not in found]
    return found + shared, [os.path.realpath(m.__file__) for m in found]


async def _nothing():
    pass


class BridgeRaceMachine(Judge):
    """Bridge races: the tour explores each kind under every schedule with at most TOUR_PREEMPTIONS preemptions (fewer
    for the kinds PREEMPTIONS names, then a share of those with more: profiles.BRIDGE_RACE_DEEPER); the search draws
    a kind and a PCT schedule."""

    def __init__(self):
        super().__init__()
        if not hasattr(self.adapter, "bridge_race_target"):
            found = self.adapter.bridge_race_target = target(self.adapter)
            self.adapter.race_mode = ("controlled scheduler, tracing " + ", ".join(
                m.__name__ for m in found[0] if os.path.realpath(m.__file__) in found[1]) if found else
                "sequential only: the loop has no Python selector the scheduler can make cooperative")

    @judged
    def explore(self, kind, preemptions=None, deepest=None):
        """A kind under every schedule with at most `preemptions` preemptions (by default TOUR_PREEMPTIONS, fewer for
        the kinds PREEMPTIONS names), fewest first (with `deepest`: at most that many with `preemptions`, after
        every one with fewer)."""
        if self.adapter.bridge_race_target is not None:
            preemptions = PREEMPTIONS.get(kind, TOUR_PREEMPTIONS) if preemptions is None else preemptions
            if strategies.bounded(lambda strategy: self.attempt(kind, strategy), preemptions, TOUR_RUNS,
                                  deepest=deepest) is None:
                for clause_id in CLAUSES[kind]:
                    self.passed(clause_id)

    @rule(kind=st.sampled_from(KINDS), priorities=st.permutations(range(2)),
          changes=st.lists(st.integers(0, CHANGE_POINTS - 1), max_size=2))
    @judged
    def race(self, kind, priorities, changes):
        """A scenario under the non-preemptive schedule, then one PCT schedule."""
        if self.adapter.bridge_race_target is None:
            return
        base = strategies.Choices()
        if self.attempt(kind, base) is None and self.attempt(kind, strategies.PCT(
                priorities, [1 + c * base.steps // CHANGE_POINTS for c in changes])) is None:
            for clause_id in CLAUSES[kind]:
                self.passed(clause_id)

    @judged
    def replay_schedule(self, kind, choices):
        """A scenario under one schedule, as a counterexample prints it."""
        self.attempt(kind, strategies.Choices(choices))

    def attempt(self, kind, strategy):
        """Run a scenario under `strategy`; a violation is reported (the schedule shrunk to its fewest preemptions
        first). None when it passed, else the outcome (the implementation escaped the scheduler's control)."""
        race, outcome, found = self.run(kind, strategy)
        strategy.steps = outcome.steps
        if outcome.status in ("uncontrolled", "livelock"):
            self.adapter.bridge_race_target = None
            self.adapter.race_mode = "sequential only: under the controlled scheduler the bridge " + (
                f"blocked outside its control at {outcome.stuck}" if outcome.stuck else "never finished a scenario")
            return outcome
        if found is None:
            return None
        if not self.known_broken(found[0]):
            choices = strategies.shrunk(lambda trial: (lambda ran: ran[2] is not None and ran[2][0] == found[0])(
                self.run(kind, trial)), strategy, 100)
            again = self.run(kind, strategies.Choices(choices))
            if again[2] is not None and again[2][0] == found[0]:
                (race, outcome, found), strategy = again, again[0].strategy
        clause_id, message = found
        self.fail(clause_id, f"{message}\n{race.show(outcome)}\nreplay this schedule: "
                             f"state.replay_schedule(kind={kind!r}, choices={strategy.sparse!r})")

    def run(self, kind, strategy):
        race = BridgeRace(self.adapter, kind)
        race.strategy = strategy
        try:
            outcome = race.run(*self.adapter.bridge_race_target, strategy, self.limits.hang)
            return race, outcome, (race.verdict(outcome) if outcome.status in ("finished", "deadlock") else None)
        finally:
            race.close()
