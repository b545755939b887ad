"""What the combinators' machines share (spec/combinators.md): a loop with the machine's own clock, the children a
combinator is given (futures the machine completes, tasks driving scripted coroutines it steers), and the caller,
a task of the loop that calls the combinator and records what awaiting it gave.

The machine owns the loop and runs it one iteration at a time (loop_machine.py); the loop's `time()` is replaced by
the machine's clock, which only the machine advances, so a deadline is reached at an iteration the machine chooses
and no check ever waits for real time. A loop whose timers cannot follow that clock (capability `clock` missing:
uvloop) gets no deadline but wait_for's zero timeout (reached at the call on any clock). The children and the
caller are the machine's instruments (the loop's own futures and tasks); only the combinator is under test, and every
call into it runs under the watchdog: the caller calls it inside a loop iteration, the machine calls the awaitable's
methods through `call`.
"""
import itertools

from hypothesis.stateful import precondition, rule

from ..adapter import AdapterError
from ..judging import judged, show
from ..ledger import Muted
from ..loop_machine import LoopMachine

MAX_ITERATIONS = 8  # settle(): more than any combinator needs to act on what happened
ENTERING = 3  # enter(): the loop iterations the caller may take to enter a timeout's or a TaskGroup's block
CANCELLED = object()  # in an expected list of results: a CancelledError instance, any


class Child:
    """One child of the combinator: a future of the loop the machine completes (`kind` "future"), or a task of the
    loop whose coroutine awaits a gate the machine completes, and answers a CancelledError by `reaction`:
    "propagate", "return" a value, "raise" ValueError, or "linger" (await a second gate, then let it propagate)."""

    def __init__(self, index, kind, reaction="propagate"):
        self.index, self.kind, self.reaction = index, kind, reaction
        self.future = None  # the child itself: the future, or the task
        self.gate = None  # the future its coroutine awaits now
        self.received = []  # what the coroutine got at its awaits: "cancelled", or ("returned", value)
        self.ready = False  # a task whose next step is scheduled by the machine (its gate completed, or a request)
        self.requested = False  # the machine itself cancelled it (or requested its cancellation)
        self.outcome = None  # once done: ("result", value), ("exception", error) or ("cancelled", None)
        self.done_at = None  # the loop iterations run when it was seen done
        self.rank = None  # its place in the order the children completed
        self.swallowed = None  # what a task returns or raises when it swallows a CancelledError
        self.awaiting_request = None  # (iterations run, cancellations received) when a combinator cancelled it

    def __repr__(self):
        return f"child #{self.index} ({self.kind})"


async def scripted_child(child, new_gate, cancelled_error, ends):
    """A child task's coroutine: await the gate; its result is the child's result, its exception the child's. It
    notes in `ends` when it ends, so children ending in one iteration are seen in the order they ended."""
    try:
        child.gate = new_gate()
        try:
            value = await child.gate
        except cancelled_error:
            child.received.append("cancelled")
            if child.reaction == "propagate":
                raise
            if child.reaction == "return":
                return child.swallowed
            if child.reaction == "raise":
                raise child.swallowed from None
            child.gate = new_gate()
            child.ready = False
            try:
                await child.gate  # linger: the cancellation ends it only once the machine lets it
            except cancelled_error:
                child.received.append("cancelled")
                raise
            raise
        child.received.append(("returned", value))
        return value
    finally:
        ends.append(child)


class Run:
    """The caller's side: the awaitable the combinator returned, and what awaiting it gave."""

    def __init__(self, combine):
        self.combine = combine  # called inside the caller's first step
        self.started = False
        self.awaitable = None
        self.outcome = None  # ("returns", value) or ("raises", error)
        self.started_at = None  # the loop's time when it called the combinator


async def caller(run, loop):
    """The caller: call the combinator from a task of the loop, as users do, and await what it returned."""
    run.started, run.started_at = True, loop.time()
    try:
        run.awaitable = run.combine()
        run.outcome = ("returns", await run.awaitable)
    except BaseException as error:  # the outcome may be any exception
        run.outcome = ("raises", error)


class CombinatorMachine(LoopMachine):
    """A LoopMachine driving one call of a combinator per example: `start` (a subclass's `initialize` rule) makes the
    children and the caller and runs the first iteration, in which the caller calls the combinator; rules then
    complete and cancel children, run the loop, and (subclasses) cancel the awaitable or the caller or advance the
    clock. After every step the machine sees which children completed, in order, and judges (`judge_now`)."""

    futures = new_future = None  # no bundle of futures: tour.take passes the steps their arguments alone
    tracked = ()
    CLOSING_ITERATIONS = 4

    def __init__(self):
        self.clock = 0  # the loop's time(): whole numbers, so a deadline is reached exactly when the machine says
        super().__init__()
        self.children = []
        self.run = None
        self.caller_task = None
        self.ranks = itertools.count(1)
        self.completions = []  # children, in the order they completed
        self.ends = []  # child tasks, in the order their coroutines ended
        self.retired_all = False  # a muted violation: the example goes on, unjudged

    @property
    def clocked(self):
        """Whether the loop runs on the machine's clock (capability `clock`). Without it (uvloop: its timers run on
        libuv's clock) the machine sets no deadline but None, and the deadline clauses do not apply."""
        return "clock" in self.adapter.capabilities

    def deadline_or_none(self, timeout):
        return timeout if self.clocked else None

    def open_loop(self):
        loop = super().open_loop()
        if not self.clocked:
            return loop
        try:
            loop.time = lambda: self.clock  # the machine's clock; it advances only in advance()
        except (AttributeError, TypeError):  # a loop written in C or Cython (uvloop)
            raise AdapterError(f"the adapter declares capability clock, but its loop ({type(loop).__name__}) does not "
                               "let its time() be replaced: drop the capability") from None
        return loop

    def retire(self, items):
        """One call of a combinator per example: a muted violation leaves nothing else worth judging in it."""
        super().retire(items)
        self.retired_all = True

    @property
    def started(self):
        return self.run is not None and not self.loop_broken and not self.failing

    # -- making the children and the caller ---------------------------------------------------------------------

    def new_child(self, kind, reaction="propagate"):
        child = Child(len(self.children), kind, reaction)
        child.swallowed = object() if reaction == "return" else ValueError(f"raised by {child} when cancelled")
        if kind == "future":
            child.future = self.adapter.new_future(self.loop)
        else:
            child.future = self.loop.create_task(scripted_child(child, self.loop.create_future,
                                                                self.adapter.CancelledError, self.ends))
        self.children.append(child)
        return child

    def start_caller(self, combine, clause_id):
        """Start the caller and run the iteration in which the children start and it calls the combinator."""
        self.run = Run(combine)
        self.caller_task = self.loop.create_task(caller(self.run, self.loop))
        self.run_loop_once()
        self.expect(clause_id, self.run.started and (self.run.awaitable is not None or self.run.outcome is not None),
                    "the caller did not get to call the combinator at the first loop iteration")

    def enter(self, entered):
        """Run the loop until the caller entered its block (`entered()`) or ended, ENTERING iterations at most: a
        backport may hand the body to a task of its own as the block is entered, which takes an iteration more."""
        for _ in range(ENTERING):
            self.run_loop_once()
            if entered() or self.run.outcome is not None or self.loop_broken or self.failing:
                return

    # -- driving ------------------------------------------------------------------------------------------------

    @precondition(lambda self: not self.loop_broken and not self.closed)
    @rule()
    @judged
    def run_loop_once(self):
        self.before_iteration()
        self.iterate()
        self.seen()

    @precondition(lambda self: not self.loop_broken and not self.closed)
    @rule()
    def settle(self):
        """Run the loop until nothing is left to happen (bounded)."""
        for _ in range(MAX_ITERATIONS):
            if self.loop_broken or self.failing:
                return
            self.run_loop_once()

    def complete_child(self, child, how):
        """Complete a child the machine owns: a future with a result, an exception, or cancel(); a task's gate with
        a result or an exception, or cancel() the task (a request)."""
        if child.outcome is not None or (child.kind == "task" and child.gate is None):
            return
        value = object() if how == "result" else ValueError(f"{child} failed")
        if how == "cancel":
            child.requested = True
            child.future.cancel()
        else:
            target = child.future if child.kind == "future" else child.gate
            if target.done():
                return
            (target.set_result if how == "result" else target.set_exception)(value)
        # a task is now about to end at its next step, unless it is to linger on the request
        child.ready = child.kind == "task" and not (how == "cancel" and child.reaction == "linger"
                                                    and "cancelled" not in child.received)
        self.seen()

    def seen(self):
        """Note the children that completed since the last look, in order: a task's coroutine may end several
        children in one iteration, in the order of their steps, which is the order they were made ready."""
        for child in dict.fromkeys([*self.ends, *self.children]):
            if child.outcome is None and child.future.done():
                child.done_at, child.rank, child.ready = self.iterations, next(self.ranks), False
                child.outcome = ("cancelled", None) if child.future.cancelled() else \
                    ("exception", child.future.exception()) if child.future.exception() is not None else \
                    ("result", child.future.result())
                self.completions.append(child)
                self.on_child_done(child)
        self.judge_now()

    def before_iteration(self):
        """What a subclass notes just before an iteration runs (a deadline reached)."""

    def on_child_done(self, child):
        """A subclass's model hears of a child's completion."""

    def judge_now(self):
        """A subclass judges what it can see now."""

    # -- judging helpers ----------------------------------------------------------------------------------------

    def role(self, name):
        return ValueError if name == "ValueError" else super().role(name)

    def judge_outcome(self, clause_id, got, expected, what):
        """Judge an outcome `got` (("returns", value) or ("raises", error)) against `expected`: ("returns", value)
        with the very value (a list: item by item), ("raises", error) with the very error, or ("raises", role) with
        an exception of that class."""
        kind, payload = got
        want_kind, want = expected
        if isinstance(want, str):
            cls = self.role(want)  # a class, or a tuple of classes any of which is right
            ok = kind == "raises" and isinstance(payload, cls)
            names = dict.fromkeys(c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,)))
            wanted = f"it to raise {' or '.join(names)}"
        elif want_kind == "returns" and isinstance(want, list):
            ok = kind == "returns" and isinstance(payload, list) and len(payload) == len(want) and all(
                (isinstance(got, self.adapter.CancelledError) if w is CANCELLED else got is w)
                for got, w in zip(payload, want))
            wanted = f"it to return [{', '.join('CancelledError()' if w is CANCELLED else show(w) for w in want)}]"
        else:
            ok = kind == want_kind and payload is want
            wanted = f"it to {'return' if want_kind == 'returns' else 'raise'} {show(want)}"
        did = "returned" if kind == "returns" else "raised"
        self.expect(clause_id, ok, lambda: f"{what} {did} {show(payload)}; expected {wanted}")

    def judge_aside(self, clause_id, got, expected, what):
        """judge_outcome() of a call on another object than the one the example is about (a timeout or a TaskGroup
        never entered): a muted violation of it retires nothing."""
        try:
            self.judge_outcome(clause_id, got, expected, what)
        except Muted:
            pass

    def child_outcome(self, child):
        """What awaiting a child gives: ("returns", value), ("raises", error), or ("raises", "CancelledError")."""
        kind, value = child.outcome
        return ("returns", value) if kind == "result" else ("raises", value) if kind == "exception" else \
            ("raises", "CancelledError")

    def shown(self, children):
        return ", ".join(f"{c} {c.outcome[0] if c.outcome else 'pending'}" for c in children) or "no children"

    # -- teardown -----------------------------------------------------------------------------------------------

    def teardown(self):
        """Judged, unless the example already failed: let what is under way finish and judge it (`finish`). Then,
        unjudged, close the loop."""
        try:
            if self.started and not self.retired_all:
                self.finish()
        finally:
            self.close_loop()

    def finish(self):
        """Complete every child still pending and settle (twice: a task may receive a request only then, and linger);
        a subclass then judges the final outcome."""
        for _ in range(2):
            for child in self.children:
                self.complete_child(child, "result")  # a lingering task's second gate: the cancellation propagates
            self.settle()

    def abandon(self):
        for child in self.children:
            child.reaction = "propagate"
            child.future.cancel()
        if self.caller_task is not None:
            self.caller_task.cancel()

