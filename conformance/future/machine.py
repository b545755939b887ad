"""The conformance machine for the concurrent.futures profile.

Hypothesis drives a set of futures through every operation, in every order, from the machine's thread and from
helper threads; each observation is compared with what the model of the spec (model.py) prescribes, and every
check names its clause. Calls into the implementation go through the watchdog, so nothing here can hang.
"""
import functools
import itertools
import threading
import time

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule

from ..judging import JudgingMachine, class_name, describe, judged, show

from .model import DONE, TRANSITIONS, FutureModel, State, linearizations
from ..probes import CALLBACK_KINDS, REENTERED, Background, CallbackError, CallbackInterrupt, CallbackProbe, Waiter
from ..watchdog import Hang
from .classes import static_checks  # noqa: F401 (the profile's static checks: conformance/profiles.py)
from .references import CallbackReferences

RESULTS = ("object", "None", "exception-as-value", "the-future-itself")
EXCEPTIONS = ("ValueError", "KeyboardInterrupt", "SystemExit", "CancelledError", "falsy")  # "falsy": CF-RESULT-3
READ_METHODS = ("result", "exception")
READ_TIMEOUTS = (None, 0, -10, "short", "shorter")  # "short": a positive timeout from the run's limits
WAIT_TIMEOUTS = (None, 3600.0)  # a blocked waiter either waits forever or long past the run
RACERS = ("set_result", "set_exception", "cancel", "set_running_or_notify_cancel", "add_done_callback")
NOT_RACED = object()  # what a racer returns when the racers could not be started together


class FalsyError(Exception):
    """An exception whose truth value is False (CF-RESULT-3): a future holding it has still failed."""

    def __bool__(self):
        return False


class Tracked:
    """One future under test, with the model's view of it and the probes attached to it."""

    def __init__(self, future):
        self.future = future
        self.model = FutureModel()
        self.journal = []  # callback probes in the order the implementation called them
        self.queued = []  # probes registered while unfinished, in registration order
        self.settled = []  # probes that must have run exactly once
        self.unsure = []  # probes after an interrupting callback: at most once (CF-CB-7)
        self.waiters = []
        self.unreferenced = []  # calls of callbacks only the future references (CF-CB-10), while unfinished
        self.retired = False  # a muted clause was violated on it: it is no longer judged

    @property
    def probes(self):
        return itertools.chain(self.queued, self.settled, self.unsure)


class FutureMachine(CallbackReferences, JudgingMachine):
    REENTRY_CLAUSE = "CF-CB-6"
    futures = JudgingMachine.futures

    Tracked = Tracked

    def queries(self, model):
        queries = super().queries(model)
        if "running-state" in self.adapter.capabilities:
            queries.append(("running", model.running, "CF-QUERY-1"))
        return queries

    def judge_read(self, read, value, error, what):
        """A timed-out read must raise the profile's TimeoutError; the rest is judged as in every profile."""
        if not read.times_out:
            return super().judge_read(read, value, error, what)
        self.expect(read.clause, error is not None,
                    lambda: f"{what} on an unfinished future {describe(value, error)}; expected TimeoutError")
        self.expect("CF-TIMEOUT-3", isinstance(error, self.role("TimeoutError")),
                    lambda: f"{what} raised {show(error)}, which is not the profile's TimeoutError "
                            f"({class_name(self.role('TimeoutError'))})")

    # -- producer side and cancel: every transition of the table ---------------------------------------------------

    @rule(f=futures)
    @judged
    def cancel(self, f):
        self.transition(f, "cancel")

    @precondition(lambda self: "running-state" in self.adapter.capabilities)
    @rule(f=futures)
    @judged
    def set_running_or_notify_cancel(self, f):
        self.transition(f, "set_running_or_notify_cancel")

    @rule(f=futures, result=st.sampled_from(RESULTS))
    @judged
    def set_result(self, f, result):
        self.transition(f, "set_result", self.make_result(f, result), show_as=repr(result))

    @rule(f=futures, exception=st.sampled_from(EXCEPTIONS))
    @judged
    def set_exception(self, f, exception):
        self.transition(f, "set_exception", self.make_exception(exception), show_as=exception)

    def make_result(self, f, kind):
        return {"object": object, "None": lambda: None, "the-future-itself": lambda: f.future,
                "exception-as-value": lambda: ValueError("a result, not an error")}[kind]()

    def make_exception(self, kind):
        return {"ValueError": lambda: ValueError("set by futurespec"), "KeyboardInterrupt": KeyboardInterrupt,
                "SystemExit": lambda: SystemExit(3), "CancelledError": self.adapter.CancelledError,
                "falsy": lambda: FalsyError("set by futurespec; its truth value is False")}[kind]()

    def operation(self, f, name):
        """The callable that performs an operation: consumer methods on the future, producer ones via the adapter."""
        if name == "cancel":
            return f.future.cancel
        if name == "add_done_callback":
            return f.future.add_done_callback
        return functools.partial(getattr(self.adapter, name), f.future)

    def transition(self, f, name, argument=None, show_as=""):
        step = f.model.step(name)
        before = f.model.state
        what = f"{name}({show_as})"
        mark = len(f.journal)
        args = () if name in ("cancel", "set_running_or_notify_cancel") else (argument,)
        started = time.monotonic()
        call = self.call(f, what, step.clause, self.operation(f, name), *args)
        if step.completes:
            self.expect("CF-CB-4", not isinstance(call.error, CallbackError),
                        lambda: f"{what} let the Exception raised by a callback escape")
        interrupted = step.completes and isinstance(call.error, CallbackInterrupt)  # allowed by CF-CB-7
        if not interrupted:
            self.check_outcome(step, call, f"{what} on a {before.value} future")
        f.model.apply(name, argument)
        blame = [step.clause, "CORE-STATE-2"] if before in DONE else [step.clause]
        self.check_state(f, f"after {what} {call.describe()} on a {before.value} future", blame)
        if step.completes:
            self.check_completion(f, call, what, mark, started)
        elif len(f.journal) != mark:
            twice = any(len(p.calls) > p.registrations for p in itertools.chain(f.settled, f.unsure))
            self.fail_first([step.clause, "CORE-CB-1" if twice else "CF-CB-1"],
                            f"{what} on a {before.value} future called a callback; it must change nothing")

    def check_outcome(self, step, call, what):
        if step.raises is None:
            self.expect(step.clause, not call.raised and call.value is step.returns,
                        lambda: f"{what} {call.describe()}; expected it to return {show(step.returns)}")
            return
        self.expect(step.clause, isinstance(call.error, Exception),
                    lambda: f"{what} {call.describe()}; expected it to raise an Exception")
        clause_id, role = step.exact
        self.expect(clause_id, isinstance(call.error, self.role(role)),
                    lambda: f"{what} raised {show(call.error)}; expected {class_name(self.role(role))}")

    def check_completion(self, f, call, what, mark, started):
        """The future just completed: its callbacks ran (CF-CB-2/4/6/9, CORE-CB-1/2), its waiters woke (CF-BLOCK-2)."""
        self.check_unreferenced(f, what)
        queued, f.queued = f.queued, []
        must_run = []
        for position, probe in enumerate(queued, 1):
            if must_run and must_run[-1].kind == "interrupt":
                f.unsure.extend(queued[position - 1:])
                break
            self.check_callback(f, probe, position, what, call.thread, after_raise=any(
                p.kind == "raise" for p in must_run))
            must_run.append(probe)
        f.settled.extend(must_run)
        ordered = [p for p in must_run if not p.raced]  # racing registrations have no order to keep
        order = [p for p in f.journal[mark:] if any(p is q for q in ordered)]
        self.expect("CORE-CB-2", order == ordered,
                    lambda: f"{what} called the callbacks in the order {[queued.index(p) + 1 for p in order]}; "
                            "expected registration order")
        self.wake_waiters(f, what, started)

    def wake_waiters(self, f, what, started):
        """Every waiter must return promptly after the completing call (CF-BLOCK-2), not before it (CF-BLOCK-1),
        with the final outcome; where CF-BLOCK-1 is muted, a waiter may not have waited at all, and what it got is
        not judged (direct reads judge the outcome)."""
        waiters, f.waiters = f.waiters, []
        for waiter in waiters:
            if not self.watchdog.wait("CF-BLOCK-2", waiter.returned):
                self.fail("CF-BLOCK-2", f"{waiter} blocked in another thread did not return within "
                                        f"{self.watchdog.waited:.2f} s after {what}")
            self.ledger.passed("CF-BLOCK-2")
            if waiter.finished_at < started:
                self.fail("CF-BLOCK-1", f"{waiter} blocked in another thread {waiter.describe()} before {what} "
                                        "was called, while the future was unfinished")
            if "CF-BLOCK-1" in self.ledger.muted:
                continue  # a waiter known not to wait (gevent: LoopExit at once, racing the completion) shows nothing
            read = f.model.read(waiter.method, waiter.timeout)
            self.judge_read(read, waiter.value, waiter.error, f"{waiter} blocked in another thread, after {what},")

    def check_callback(self, f, probe, position, what, thread, after_raise=False, immediate=False):
        calls = len(probe.calls)
        if calls == 0:
            clause_id = "CF-CB-4" if after_raise else ("CF-CB-3" if immediate else "CF-CB-2")
            self.fail(clause_id, f"callback #{position} was not called before {what} returned"
                      + (" (an earlier callback had raised)" if after_raise else ""))
        self.expect("CORE-CB-1", calls == probe.registrations,
                    lambda: f"callback #{position}, registered {probe.registrations} time(s), was called {calls} "
                            f"time(s) by {what}")
        self.expect("CORE-CB-1", probe.calls[0]["got_future"],
                    lambda: f"callback #{position} was not called with the future as its only argument")
        threads = thread if isinstance(thread, set) else {thread}
        self.expect("CF-CB-3" if immediate else "CF-CB-2", probe.calls[0]["thread"] in threads,
                    lambda: f"callback #{position} ran in another thread than the one calling {what}")
        if probe.kind == "reenter":
            inside = probe.calls[0]
            self.expect("CF-CB-6", inside["done"] is True,
                        lambda: f"inside callback #{position}, done() returned {show(inside['done'])}")
            self.judge_read(f.model.read("result", 0), *self._unpack(inside["read"]),
                            f"result(0) inside callback #{position} (CF-CB-6)")
            self.expect("CF-CB-6", inside["nested_calls"] == 1,
                        lambda: f"a callback added from inside callback #{position} was called "
                                f"{inside['nested_calls']} times before add_done_callback() returned; expected 1")

    @staticmethod
    def _unpack(read):
        kind, payload = read
        return (payload, None) if kind == "returns" else (None, payload)

    # -- consumer side ----------------------------------------------------------------------------------------------

    @rule(f=futures, kind=st.sampled_from(CALLBACK_KINDS))
    @judged
    def add_done_callback(self, f, kind):
        if kind == "reenter" and self.watchdog.refuses(REENTERED):  # its calls back crashed the process or hung
            kind = "record"
        probe = CallbackProbe(kind, f.future, f.journal, self.watchdog.progress)
        what = f"add_done_callback(<{kind} callback>)"
        clause_id = "CF-CB-3" if f.model.done else "CF-CB-1"
        for _ in range(probe.registrations):  # a `twice` probe is the same function registered twice
            call = self.call(f, what, clause_id, f.future.add_done_callback, probe)
        if not f.model.done:
            self.expect("CF-CB-1", not probe.calls, lambda: f"{what} on an unfinished future called it at once")
            f.queued.extend([probe] * probe.registrations)
            return
        self.expect("CF-CB-4", not isinstance(call.error, CallbackError),
                    lambda: f"{what} let the Exception raised by the callback escape")
        self.check_callback(f, probe, "(added to a done future)", what, call.thread, immediate=True)
        f.settled.append(probe)

    @rule(f=futures, method=st.sampled_from(READ_METHODS), timeout=st.sampled_from(READ_TIMEOUTS))
    @judged
    def read(self, f, method, timeout):
        seconds = self.seconds(timeout)
        read = f.model.read(method, seconds)
        if read.blocks:
            return  # blocking reads happen on helper threads: wait_in_thread()
        what = f"{method}(timeout={seconds!r})"
        extra = seconds if seconds and seconds > 0 else 0.0
        before = f.model.state
        call = self.call(f, what, read.clause, getattr(f.future, method), seconds, extra=extra)
        self.judge_read(read, call.value, call.error, what)
        if read.times_out and seconds > 0:
            self.expect("CF-TIMEOUT-2", call.elapsed >= seconds / 2,
                        lambda: f"{what} raised TimeoutError after {call.elapsed:.4f} s, before its timeout")
        self.check_state(f, f"after {what} on a {before.value} future", [read.clause])

    def seconds(self, timeout):
        if timeout == "short":
            return self.limits.short_timeouts[-1]
        if timeout == "shorter":
            return self.limits.short_timeouts[0]
        return timeout

    @rule(f=futures, method=st.sampled_from(READ_METHODS), timeout=st.sampled_from(WAIT_TIMEOUTS))
    @judged
    def wait_in_thread(self, f, method, timeout):
        waiter = Waiter(f.future, method, timeout)
        waiter.start()
        if not f.model.done:
            f.waiters.append(waiter)
            return
        read = f.model.read(method, timeout)
        if not self.watchdog.wait(read.clause, waiter.returned):
            self.fail(read.clause, f"{waiter} on a done future did not return within "
                                   f"{self.watchdog.waited:.2f} s")
        self.judge_read(read, waiter.value, waiter.error, f"{waiter} in another thread")

    @rule(f=futures)
    @judged
    def observe(self, f):
        self.check_state(f, "observed between operations", ["CORE-STATE-2"] if f.model.done else [])

    # -- thread safety ----------------------------------------------------------------------------------------------

    @rule(f=futures, racers=st.lists(st.sampled_from(RACERS), min_size=2, max_size=3))
    @judged
    def race(self, f, racers):
        """Start several operations at once from helper threads; the outcome must be that of some serial order."""
        if "running-state" not in self.adapter.capabilities:
            racers = [r for r in racers if r != "set_running_or_notify_cancel"]
        if f.model.done or len(racers) < 2 or any(p.kind == "interrupt" for p in f.queued):
            return  # an interrupting callback would make the racers' outcome implementation-defined (CF-CB-7)
        if self.untrusted(racers):
            return  # atomicity is judged against the serial semantics: not while those are known to be broken
        clause_id = ("CF-ATOMIC-3" if "add_done_callback" in racers else
                     "CF-ATOMIC-2" if {"cancel", "set_running_or_notify_cancel"} <= set(racers) else "CF-ATOMIC-1")
        if self.watchdog.refuses(clause_id):
            return  # such a race hung or crashed the process: its racers would call unwatched, whatever they did
        arguments = [self.race_argument(f, name) for name in racers]
        started = time.monotonic()
        calls = self.run_racers(f, racers, arguments, clause_id)
        if any(call.value is NOT_RACED for call in calls):
            return  # no racer called anything: nothing happened to judge
        self.judge_race(f, racers, arguments, calls, clause_id, started)

    def untrusted(self, racers):
        """Whether a clause the racers' serial semantics rest on is muted (declared deviation or already failed)."""
        cells = [TRANSITIONS[(name, state)] for name in racers for state in State if (name, state) in TRANSITIONS]
        return any(clause in self.ledger.muted for step in cells
                   for clause in (step.clause, step.exact and step.exact[0]) if clause)

    def race_argument(self, f, name):
        if name == "set_result":
            return object()
        if name == "set_exception":
            return ValueError("set by a racing thread")
        if name == "add_done_callback":
            probe = CallbackProbe("record", f.future, f.journal)
            probe.raced = True
            return probe
        return None

    def run_racers(self, f, racers, arguments, clause_id):
        """Each racer in a thread of its own (a Background), all released at once by a barrier. A racer that a loaded
        machine starts too late to meet the others breaks the barrier for all of them, before any calls the
        implementation: each then returns NOT_RACED, never an error the implementation would be blamed for."""
        barrier = threading.Barrier(len(racers))

        def race(name, argument):
            try:
                barrier.wait(timeout=self.watchdog.limits.hang)
            except threading.BrokenBarrierError:
                return NOT_RACED
            return self.operation(f, name)(*(() if argument is None else (argument,)))

        calls = [Background(f"racer {name}()", race, name, argument) for name, argument in zip(racers, arguments)]
        self.watchdog.progress.calling(f"racing {', '.join(racers)}", clause_id)  # a racer may crash the process
        for call in calls:  # before the wait for it is announced: the race's clause is the one at stake then too
            call.start()
        for name, call in zip(racers, calls):
            if not self.watchdog.wait(clause_id, call.returned):
                self.deadlocked(f, clause_id, f"{name}() racing with {', '.join(racers)} did not return within "
                                              f"{self.watchdog.waited:.2f} s")
        return calls

    def judge_race(self, f, racers, arguments, calls, clause_id, started):
        if any(isinstance(call.error, CallbackError) for call in calls):
            self.fail("CF-CB-4", f"racing {', '.join(racers)}: a completing call let the Exception raised by a "
                                 "callback escape")
        queued, f.queued = f.queued, []
        observed = []
        for name, argument, call in zip(racers, arguments, calls):
            if name == "add_done_callback":
                ran = [c["thread"] for c in argument.calls]
                observed.append("immediate" if ran == [call.thread] else "completer" if len(ran) <= 1 else ran)
            elif call.error is not None:
                observed.append("raises" if isinstance(call.error, Exception) else show(call.error))
            else:
                observed.append(call.value)
        matching = [lin for lin in linearizations(f.model, list(zip(racers, arguments)))
                    if lin.outcomes == tuple(observed)]
        summary = ", ".join(f"{n}() → {show(o) if o not in ('raises', 'immediate', 'completer') else o}"
                            for n, o in zip(racers, observed))
        if not matching:
            self.fail(clause_id, f"racing {', '.join(racers)} on a {f.model.state.value} future gave {summary}, "
                                 "which no serial order of those calls allows")
        f.model = matching[0].final
        self.check_state(f, f"after racing {summary}", [clause_id])
        # Equal racers (two cancel()s) leave open which one completed the future: any of them may run callbacks.
        completers = {calls[lin.completer].thread for lin in matching if lin.completer is not None}
        completer_name = racers[matching[0].completer] if completers else None
        for position, probe in enumerate(queued, 1):
            if not completers:
                f.queued.append(probe)
                continue
            self.check_callback(f, probe, position, f"the racing {completer_name}()", completers)
            f.settled.append(probe)
        for name, argument, outcome in zip(racers, arguments, matching[0].outcomes):
            if name != "add_done_callback":
                continue
            if outcome == "completer" and completers and not argument.calls:
                self.fail("CF-ATOMIC-3", f"a callback registered while racing {', '.join(racers)} was never called: "
                                         f"the racing {completer_name}() completed the future without it")
            if outcome == "immediate" or completers:
                if outcome == "completer":
                    self.check_callback(f, argument, "(added while racing)", f"the racing {completer_name}()",
                                        completers)
                f.settled.append(argument)
            else:
                f.queued.append(argument)
        if completers:
            self.wake_waiters(f, f"the racing {completer_name}()", started)

    # -- invariants and teardown ------------------------------------------------------------------------------------

    @invariant()
    def nothing_happens_before_completion(self):
        """CF-BLOCK-1, CF-CB-1, CORE-CB-1: no waiter returns and no callback runs while a future is unfinished,
        and no callback ever runs twice."""
        for f in self.tracked:
            self.check_quiet(f=f)

    @judged
    def check_quiet(self, f):
        if not f.model.done:
            for waiter in f.waiters:
                if waiter.returned.is_set():
                    self.fail("CF-BLOCK-1", f"{waiter} blocked in another thread {waiter.describe()} while the "
                                            f"future was {f.model.state.value}")
                self.ledger.passed("CF-BLOCK-1")
            if any(p.calls for p in f.queued):
                self.fail("CF-CB-1", f"a callback ran while the future was {f.model.state.value}")
        for probe in itertools.chain(f.settled, f.unsure):
            if len(probe.calls) > probe.registrations:
                self.fail("CORE-CB-1", f"a callback registered {probe.registrations} time(s) was called "
                                       f"{len(probe.calls)} times")

    def teardown(self):
        """Complete every unfinished future (checking it as any completion), so no waiter thread is left blocked."""
        try:
            if not self.failing:
                for f in self.tracked:
                    self.finish(f=f)
        finally:
            for f in self.tracked:
                if f.waiters and not f.model.done:
                    self.release(f)

    @judged
    def finish(self, f):
        if f.model.state is State.PENDING:
            self.transition(f, "cancel")
        elif f.model.state is State.RUNNING:
            self.transition(f, "set_result", None, show_as="None")

    def release(self, f):
        """Best effort, unjudged: unblock the waiters of a retired future (it may be broken in any way)."""
        if f.future is None:
            return
        for name, args in (("cancel", ()), ("set_result", (None,))):
            try:
                self.watchdog.call(f"{name}() to release waiters", self.operation(f, name), *args, kind="release")
            except Hang:
                return
