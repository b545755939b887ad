"""The executor machine (spec/executors.md §1–6): real executors, driven deterministically through gated calls.

Every call the machine submits is a gate (conformance/gates.py): it reports when it starts and finishes only when
the machine releases it. So the machine knows which calls must be queued, running or finished (model.py), and after
every step checks the executor against that: the calls that must start do, promptly; no other call starts; each
future shows its call's state and, once released, its outcome. Scenarios needing an executor of their own (a failing
initializer, a dying worker, map's timeout) are in scenarios.py."""
import functools

from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from .. import gates
from ..gates import Release
from ..judging import Judge, class_name, judged, opening, show
from ..ledger import Muted
from ..probes import Background
from ..watchdog import Hang
from .model import Mapping, Starts, WorkItem
from .exiting import ExitScenarios
from .process_pools import ProcessPoolScenarios
from .scenarios import Scenarios
from .shutting_down import ShuttingDown, locking
from .subclassing import Subclassing

MAX_CALLS = 8
OUTCOMES = ("return", "raise", "interrupt", "exit")


class ExecutorMachine(ShuttingDown, Scenarios, ExitScenarios, ProcessPoolScenarios, Subclassing, Judge):
    def __init__(self):
        super().__init__()
        self.executor = None
        self.max_workers = 0
        self.calls = []
        self.shut_down = False
        self.stuck_inside = False  # a call was abandoned inside the executor before shutdown (see deadlocked())
        self.exited_a_worker = False  # a call ended by SystemExit or KeyboardInterrupt, which may take its worker
        self.shutdown_waiter = None
        self.mapping = None
        self.mapped = False  # one map() per example; preconditions depend only on the rules taken, never on timing
        self.numbers = iter(range(1, 10**6))

    # -- the executor -------------------------------------------------------------------------------------------------

    @initialize(max_workers=st.integers(1, 3))
    @opening
    def start(self, max_workers):
        self.max_workers = max_workers
        self.executor = self.new_executor(max_workers)

    def call(self, f, what, clause_id, fn, *args, extra=0.0):
        """A call under the watchdog, with the adapter's round-trip allowance: a call a remote scheduler answers
        (dask) can outlast the limit a hang has shortened (0.05 s) on a loaded machine and still be correct."""
        return super().call(f, what, clause_id, fn, *args, extra=extra + self.adapter.executor_round_trip)

    def deadlocked(self, f, clause_id, message):
        """A call abandoned inside the executor before its shutdown may hold what every later call into the executor
        needs: the steps that make one judge nothing from then on (shutting_down.locking). A call abandoned after
        shutdown() does not count: its hang is that step's own verdict."""
        self.stuck_inside = self.stuck_inside or not self.shut_down
        super().deadlocked(f, clause_id, message)

    def new_executor(self, max_workers, initializer=None, initargs=(), *, clause="EXEC-START-4", **options):
        """An executor made by the adapter; `options` are constructor keywords of a capability, `clause` the clause
        at stake when making one fails. An executor may start its workers (dask: a cluster): startup allowance."""
        shown = ", ".join([str(max_workers), *(f"{key}={value!r}" for key, value in options.items())])
        what = f"the adapter's new_executor({shown})"
        call = self.call(None, what, clause, functools.partial(self.adapter.new_executor, **options), max_workers,
                         initializer, initargs, extra=self.adapter.executor_startup)
        self.expect(clause, not call.raised, lambda: f"{what} {call.describe()}")
        return call.value

    def new_call(self, via="submit"):
        return WorkItem(next(self.numbers), self.adapter.new_gate(), via)

    def live(self, *states):
        return [c for c in self.calls if not c.retired and c.state in states]

    def retire(self, calls):
        """A retired call is also released at once, so that it never holds a worker."""
        super().retire(calls)
        for c in calls:
            c.gate.release(Release("return"))

    # -- submitting, releasing, cancelling ----------------------------------------------------------------------------

    @precondition(lambda self: not self.shut_down and len(self.calls) < MAX_CALLS)
    @rule()
    @judged
    @locking
    def submit(self):
        c = self.new_call()
        what = f"submit({c})"
        call = self.call(None, what, "EXEC-SUBMIT-1", self.executor.submit, gates.run_gate, c.gate)
        self.expect("EXEC-SUBMIT-1", not call.raised, lambda: f"{what} {call.describe()}")
        c.future = call.value
        self.calls.append(c)
        registered = self.call(None, f"add_done_callback() on the future of {c}", "CORE-CB-1",
                               c.future.add_done_callback, lambda _: c.finished.set())
        self.expect("CORE-CB-1", not registered.raised, lambda: f"add_done_callback() {registered.describe()}")
        self.settle(what)

    @precondition(lambda self: self.calls)
    @rule(pick=st.integers(0, MAX_CALLS), outcome=st.sampled_from(OUTCOMES))
    @judged
    def release(self, pick, outcome):
        running = self.live("running")
        if not running:
            return
        c = running[pick % len(running)]
        c.outcome = {"return": Release("return", ("result of", c.number)),
                     "raise": Release("raise", ValueError(f"raised by call {c.number}")),
                     "interrupt": Release("raise", KeyboardInterrupt(f"call {c.number}")),
                     "exit": Release("raise", SystemExit(c.number))}[outcome]
        c.gate.release(c.outcome)
        c.state = "finished"
        self.exited_a_worker = self.exited_a_worker or outcome in ("interrupt", "exit")
        what = f"releasing {c} to {outcome}"
        if c.future is not None:
            self.judging([c], self.judge_outcome, c, what)
        elif outcome in ("interrupt", "exit") and "EXEC-SUBMIT-2" in self.ledger.muted:
            # A call of map() has no future to show where its BaseException went: an executor known to lose such an
            # outcome (EXEC-SUBMIT-2 muted) may have lost itself with it, so it is abandoned, as judge_outcome does.
            self.abandoned = self.applies("EXEC-SUBMIT-2")
        if not self.abandoned:
            self.settle(what)

    def judge_outcome(self, c, what):
        """EXEC-SUBMIT-2: the future finishes promptly, with the call's outcome (an equal copy will do)."""
        if not self.watchdog.wait("EXEC-SUBMIT-2", c.finished):
            # Whether the call still holds its worker, or the executor is dead, nobody knows: the model cannot follow
            # this executor any more, so a muted violation abandons it for the rest of the example.
            self.abandoned = self.applies("EXEC-SUBMIT-2") and "EXEC-SUBMIT-2" in self.ledger.muted
            self.fail("EXEC-SUBMIT-2", f"the future of {c} was not done within "
                                       f"{self.watchdog.waited:.2f} s after {what}")
        read = self.call(None, f"result(0) of {c}", "EXEC-SUBMIT-2", c.future.result, 0)
        expected = c.outcome.value
        if c.outcome.kind == "return":
            ok = not read.raised and read.value == expected
        else:
            ok = type(read.error) is type(expected) and read.error.args == expected.args
        self.expect("EXEC-SUBMIT-2", ok, lambda: f"after {what}, result(0) {read.describe()}; expected it to "
                                                 f"{'return' if c.outcome.kind == 'return' else 'raise'} "
                                                 f"{show(expected)}")

    @precondition(lambda self: self.calls)
    @rule(pick=st.integers(0, MAX_CALLS))
    @judged
    def cancel(self, pick):
        # Without a RUNNING state (EXEC-RUN-1 not applicable) the spec says nothing of cancelling a started call.
        states = ("queued", "running") if self.applies("EXEC-RUN-1") else ("queued",)
        candidates = [c for c in self.live(*states) if c.future is not None]
        if not candidates:
            return
        c = candidates[pick % len(candidates)]
        what = f"cancel() of the future of {c}, which is {c.state}"
        self.judging([c], self.cancel_queued if c.state == "queued" and not c.claimed else self.cancel_running, c, what)
        self.settle(what)

    def cancel_running(self, c, what):
        """EXEC-RUN-1: cancel() of a started (or claimed) call returns False. A muted violation retires the call: an
        implementation that did cancel it (pebble's process pool kills its worker) owes it no outcome."""
        call = self.call(None, what, "EXEC-RUN-1", c.future.cancel)
        self.expect("EXEC-RUN-1", not call.raised and call.value is False,
                    lambda: f"{what} {call.describe()}; expected False")

    def cancel_queued(self, c, what):
        call = self.call(None, what, "EXEC-CANCEL-1", c.future.cancel)
        if call.value is False and self.claimed(c, what):
            return
        self.expect("EXEC-CANCEL-1", not call.raised and call.value is True,
                    lambda: f"{what} {call.describe()}; expected True")
        c.state, c.cancelled_by = "cancelled", "EXEC-CANCEL-1"
        cancelled = self.call(None, f"cancelled() of {c}", "CORE-QUERY-3", c.future.cancelled)
        self.expect("EXEC-CANCEL-1", cancelled.value is True,
                    lambda: f"after {what}, cancelled() {cancelled.describe()}")

    @precondition(lambda self: "wait" in self.adapter.capabilities and self.calls)
    @rule(picks=st.lists(st.integers(0, MAX_CALLS), min_size=1, max_size=4))
    @judged
    def wait_mixed(self, picks):
        """WAIT-INPUT-1, WAIT-DONE-1: wait(timeout=0) on this executor's futures (and one made alone: bare-future)."""
        candidates = [c for c in self.calls if c.future is not None and not c.retired]
        if not candidates:
            return
        chosen = list(dict.fromkeys(candidates[i % len(candidates)] for i in picks))
        extra = []  # a future made directly, from an adapter that makes them (capability bare-future)
        if "bare-future" in self.adapter.capabilities:
            bare = self.call(None, "the adapter's new_future()", "CORE-STATE-1", self.adapter.new_future)
            self.expect("CORE-STATE-1", not bare.raised, lambda: f"the adapter's new_future() {bare.describe()}")
            extra = [bare.value]
        what = f"wait([{', '.join([f'the future of {c}' for c in chosen] + ['a new future'] * len(extra))}], timeout=0)"
        call = self.call(None, what, "WAIT-TIMEOUT-1", self.adapter.wait, [c.future for c in chosen] + extra,
                         0, "ALL_COMPLETED")
        self.expect("WAIT-TIMEOUT-1", not call.raised, lambda: f"{what} {call.describe()}")
        done = {id(c.future) for c in chosen if c.state in ("finished", "cancelled")}
        try:
            got = {id(f) for f in call.value.done}
            not_done = {id(f) for f in call.value.not_done}
        except Exception:  # not the pair the spec asks for
            got = not_done = None
        wrong = [c for c in chosen if got is None or (id(c.future) in got) != (id(c.future) in done)]
        everything = {id(c.future) for c in chosen} | {id(f) for f in extra}
        self.judging([c for c in wrong if c.state == "cancelled"], self.expect, "WAIT-DONE-1",
                     not wrong and not_done == everything - done,
                     lambda: f"{what} {call.describe()}, whose done set is wrong about "
                             f"{', '.join(f'{c} ({c.state})' for c in wrong) or 'the new future'}")
        self.passed("WAIT-INPUT-1")

    # -- map() ------------------------------------------------------------------------------------------------------

    @precondition(lambda self: not self.shut_down and not self.mapped and len(self.calls) < MAX_CALLS)
    @rule(count=st.integers(1, 3))
    @judged
    @locking
    def map(self, count):
        self.mapped = True
        calls = [self.new_call("map") for _ in range(count)]
        what = f"map() over {', '.join(str(c.number) for c in calls)}"
        call = self.call(None, what, "EXEC-MAP-2", self.executor.map, gates.run_gate, [c.gate for c in calls])
        self.expect("EXEC-MAP-2", not call.raised, lambda: f"{what} {call.describe()}")
        self.calls.extend(calls)
        self.mapping = Mapping(call.value, calls)
        self.settle(what)

    @precondition(lambda self: self.mapped)
    @rule()
    @judged
    def map_next(self):
        mapping = self.mapping
        if mapping is None or mapping.consumer is not None:
            return
        if mapping.position == len(mapping.calls):
            call = self.call(None, "next() on an exhausted map iterator", "EXEC-MAP-1", next, mapping.iterator)
            self.expect("EXEC-MAP-1", isinstance(call.error, StopIteration),
                        lambda: f"next() after every item of map() {call.describe()}; expected StopIteration")
            self.mapping = None
            return
        item = mapping.calls[mapping.position]
        if item.retired:
            self.mapping = None  # nothing is known of its call any more: the iterator is no longer judged
            return
        mapping.consumer = Background("next() on map()", next, mapping.iterator).start()
        if item.state in ("finished", "cancelled"):
            self.judge_next(f"next() reached {item}")

    @precondition(lambda self: self.mapped)
    @rule()
    @judged
    def map_close(self):
        if self.mapping is None or self.mapping.consumer is not None or self.mapping.position == 0:
            return  # closing an iterator never advanced is implementation-defined (EXEC-MAP-4)
        what = "close() of the map iterator"
        call = self.call(None, what, "EXEC-MAP-4", self.mapping.iterator.close)
        self.expect("EXEC-MAP-4", not call.raised, lambda: f"{what} {call.describe()}")
        self.end_mapping()
        self.settle(what)

    def end_mapping(self):
        """The iterator is closed or exhausted by an exception: its calls not started are cancelled (EXEC-MAP-4)."""
        for c in self.mapping.calls[self.mapping.position:]:
            if c.state == "queued":
                c.state, c.cancelled_by = "cancelled", "EXEC-MAP-4"
        self.mapping = None

    def judge_next(self, what):
        """The item a blocked next() waits for is settled: next() returns its result or raises its exception."""
        mapping = self.mapping
        item = mapping.calls[mapping.position]
        consumer, mapping.consumer = mapping.consumer, None
        if item.retired:
            self.mapping = None  # nothing is known of its call any more: the iterator is no longer judged
            return
        if not self.watchdog.wait("EXEC-MAP-1", consumer.returned):
            self.fail("EXEC-MAP-1", f"next() on map() did not return within {self.watchdog.waited:.2f}"
                                    f" s after {what}")
        mapping.position += 1
        if item.state == "cancelled":
            self.expect("EXEC-MAP-3", isinstance(consumer.error, self.adapter.CancelledError),
                        lambda: f"next() reached {item}, which was cancelled, and {consumer.describe()}; expected "
                                f"{class_name(self.adapter.CancelledError)}")
            self.end_mapping()
        elif item.outcome.kind == "return":
            self.expect("EXEC-MAP-1", consumer.error is None and consumer.value == item.outcome.value,
                        lambda: f"next() on map() {consumer.describe()} after {what}; expected the result of {item}")
        else:
            expected = item.outcome.value
            self.expect("EXEC-MAP-3", type(consumer.error) is type(expected) and consumer.error.args == expected.args,
                        lambda: f"next() reached {item}, which raised {show(expected)}, and {consumer.describe()}")
            self.end_mapping()
            self.settle(f"{what} raised")

    # -- the model, checked after every step ------------------------------------------------------------------------

    def settle(self, what):
        """Which calls must have started now, which must not; what the futures say; a blocked shutdown() or next()
        returns when, and only when, it may."""
        if self.ended_by_raise():
            return self.judge_next(what)  # which settles again, the iterator ended
        self.check_never_started(what)
        running, queued = self.live("running"), self.live("queued")
        free = self.max_workers - len(running)
        expected = queued[:max(free, 0)]
        if expected:
            # After a call ended in SystemExit or KeyboardInterrupt, an executor known to lose its worker (EXEC-START-1
            # declared: futurist's thread pool) may have fewer than the model counts: a starved call is then that
            # deviation, and the wait of that kind (a hang shortens its kind's later waits: watchdog.repeat_hang).
            lost = self.exited_a_worker and "EXEC-START-1" in self.adapter.deviations
            clause = "EXEC-START-1" if lost else "EXEC-SHUTDOWN-2" if self.shut_down else \
                "EXEC-MAP-2" if any(c.via == "map" for c in expected) else "EXEC-START-1"
            cancelled = self.live("cancelled")
            started = self.watchdog.wait(clause, Starts(queued, len(expected), cancelled),
                                         extra=self.adapter.executor_startup)
            if any(c.gate.started.is_set() for c in cancelled):
                return self.settle(what)  # judge the cancelled call that took a worker, then wait again
            if not started:
                starved = [c for c in expected if not c.gate.started.is_set()]
                self.judging(starved, self.fail, clause,
                             f"after {what}, {', '.join(map(str, starved))} did not start within "
                             f"{self.watchdog.waited:.2f} s, with {len(running)} of {self.max_workers} "
                             "workers busy")
                if lost:  # the model cannot follow this executor for the rest of the example
                    self.abandoned = True
                    return
                if any(c.retired for c in starved):  # retired by a muted verdict, so released: they free workers
                    return self.settle(what)         # for the calls behind them, which the model must then expect
            else:
                self.passed(clause)
        started = [c for c in queued if not c.retired and c.gate.started.is_set()]
        if len(running) + len(started) > self.max_workers:
            self.judging(started, self.fail, "EXEC-START-2",
                         f"after {what}, {len(running) + len(started)} calls are running: "
                         f"{', '.join(map(str, running + started))}; max_workers is {self.max_workers}")
        elif started != expected[:len(started)]:
            self.judging(started, self.fail, "EXEC-START-3",
                         f"after {what}, {', '.join(map(str, started))} started while "
                         f"{', '.join(map(str, expected))} were first in line")
        else:
            self.passed("EXEC-START-2")
            self.passed("EXEC-START-3")
        for c in started:
            c.state = "running"
        self.check_futures(what)
        self.check_shutdown_waiter(what)
        if self.mapping is not None and self.mapping.consumer is not None:
            item = self.mapping.calls[self.mapping.position]
            if item.state in ("finished", "cancelled") or item.retired:
                self.judge_next(what)
            elif self.mapping.consumer.returned.is_set():
                consumer = self.mapping.consumer
                self.fail("EXEC-MAP-1", f"next() on map() {consumer.describe()} after {what},"
                                        f" before {item} finished")

    def ended_by_raise(self):
        """Whether a next() blocked on map() waits for an item that has just raised: that next() is judged before any
        start is expected. Its exception ends the iterator, which cancels the map's calls not started, while the
        worker the raising call freed may be taking the next of them: mpi4py sets the future before it hands out
        the next task, the standard library's thread pool races. Either outcome is correct, so when a worker is
        free for them, the map's queued calls are retired (released at once, no longer judged); when none is, none
        can start and the iterator's end cancels them (EXEC-MAP-4)."""
        mapping = self.mapping
        if mapping is None or mapping.consumer is None:
            return False
        item = mapping.calls[mapping.position]
        if item.retired or item.state != "finished" or item.outcome.kind != "raise":
            return False
        behind = [c for c in mapping.calls[mapping.position + 1:] if c.state == "queued" and not c.retired]
        free = self.max_workers - len(self.live("running"))
        if any(c in self.live("queued")[:max(free, 0)] for c in behind):
            self.retire(behind)
        return True

    def check_never_started(self, what):
        for c in self.live("cancelled"):
            if c.gate.started.is_set():
                self.judging([c], self.fail, c.cancelled_by, f"{c} started after it was cancelled (before {what})")
            else:
                self.passed(c.cancelled_by)

    def check_futures(self, what):
        """Unfinished calls' futures: not done (EXEC-SUBMIT-1, asked first: a muted violation retires a call, which
        releases it), RUNNING once started (EXEC-RUN-1) and not before (EXEC-RUN-2)."""
        for c in self.live("running", "queued"):
            if c.future is None:
                continue
            done = self.call(None, f"done() of {c}", "CORE-QUERY-3", c.future.done)
            self.judging([c], self.expect, "EXEC-SUBMIT-1", done.value is False,
                         lambda: f"after {what}, done() of the future of {c}, which is {c.state}, {done.describe()}")
            if c.retired:
                continue
            if c.state == "running" and self.applies("EXEC-RUN-1"):
                call = self.call(None, f"running() of {c}", "CORE-QUERY-3", c.future.running)
                self.judging([c], self.expect, "EXEC-RUN-1", call.value is True, lambda: f"after {what}, running() of "
                             f"the future of {c}, which has started, {call.describe()}")
            elif c.state == "queued" and not c.claimed:
                self.claimed(c, what)

    def claimed(self, c, what, restore=None):
        """Whether the future of `c`, a call that has not started, is RUNNING (EXEC-RUN-2). If that violation is
        muted (a declared deviation), the call is claimed: the model no longer expects it to be cancellable."""
        if not self.applies("EXEC-RUN-2"):
            return False
        call = self.call(None, f"running() of {c}", "CORE-QUERY-3", c.future.running)
        if call.value is not True:
            self.passed("EXEC-RUN-2")
            return False
        if restore:
            c.state, c.cancelled_by = restore, ""
        try:
            self.fail("EXEC-RUN-2", f"after {what}, the future of {c}, which has not started, is running()")
        except Muted:
            c.claimed = True
        return True

    # -- teardown ------------------------------------------------------------------------------------------------------

    def teardown(self):
        """Release the calls one by one (judged, unless the example already failed), then, unjudged, release
        anything left and shut down. Every call not cancelled must have run exactly once (EXEC-SUBMIT-3)."""
        try:
            while not (self.failing or self.abandoned) and self.live("running"):
                self.release(pick=0, outcome="return")
            if not self.failing and self.executor is not None:
                self.check_ran_once()
        finally:
            if self.mapping is not None and self.mapping.consumer is None:
                try:
                    self.watchdog.call("closing the map iterator", self.mapping.iterator.close, kind="release")
                except Hang:
                    pass
            self.retire(self.calls)
            if self.executor is not None:
                self.discard(self.executor, [])

    @judged
    def check_ran_once(self):
        for c in self.calls:
            if c.retired:
                continue
            starts = c.gate.starts()
            expected = 0 if c.state == "cancelled" else 1
            if c.state == "queued":
                continue  # never got a worker: only possible if a violation was muted on the way
            if c.state == "cancelled" and starts:  # the cancellation did not hold: its clause, not EXEC-SUBMIT-3's
                self.judging([c], self.fail, c.cancelled_by, f"{c} started after it was cancelled (by the end of "
                                                             "the example)")
                continue
            self.expect("EXEC-SUBMIT-3", starts == expected,
                        lambda: f"{c} started {starts} times; expected {expected}")
