"""The machine for asyncio.timeout and timeout_at (spec/combinators.md §5: 3.11+, or a backport's, capability
`timeout`): a body in the caller's task awaiting a gate the machine completes, the deadline reached before, at and
after the body's end, moved by reschedule(), the task cancelled from outside, alone or at the iteration the deadline
is reached, and the block inside an outer one whose deadline is reached before, with or after the inner's.

The model: what the body was doing at the loop iteration that reached each deadline (awaiting a pending gate: the
block must end in TimeoutError; its gate already completed: a race either outcome answers), and whether someone
else cancelled the task first (then only CancelledError may leave the block); a body that catches the deadline's
CancelledError leaves the block normally; of two nested blocks, the outermost whose deadline was reached first (or
at the same iteration as the inner's) converts.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from .base import ENTERING, CombinatorMachine, Run


async def timed(run, adapter, delay, loop):
    """The caller: a timeout it never enters, whose reschedule() must be refused; then a body awaiting the gate
    inside `async with timeout(delay)` (timeout_at if `run.absolute`; inside `async with timeout(run.outer)` unless
    that is None), then, outside the blocks, the second gate, which an old deadline must leave alone."""
    run.started = True
    try:
        spare = adapter.timeout(None)
        try:
            run.unentered = ("returns", spare.reschedule(loop.time() + 1))
        except Exception as error:  # judged: it must be RuntimeError
            run.unentered = ("raises", error)
        if run.outer is None:
            await body(run, adapter, delay, loop)
        else:
            async with adapter.timeout(run.outer) as outer:
                run.outer_scope = outer
                await body(run, adapter, delay, loop)
        await run.after
        run.outcome = ("returns", None)
    except BaseException as error:  # the outcome may be any exception
        run.outcome = ("raises", error)


def rescheduling(scope, when, got):
    """A callback of the loop: reschedule(when), and what it gave."""
    try:
        got.append(("returns", scope.reschedule(when)))
    except Exception as error:  # judged: RuntimeError where it must refuse
        got.append(("raises", error))


async def body(run, adapter, delay, loop):
    """The block under test: its body awaits the gate, and catches a CancelledError and ends normally if
    `run.swallow`; what leaves the block is noted (`run.inner_exit`)."""
    try:
        deadline = None if delay is None else loop.time() + delay
        async with (adapter.timeout_at(deadline) if run.absolute else adapter.timeout(delay)) as scope:
            run.awaitable = scope
            try:
                await run.gate
            except adapter.CancelledError:
                run.received.append("cancelled")
                if not run.swallow:
                    raise
        run.left = True
    except BaseException as error:  # whatever leaves the block goes on to the outer block or the caller
        run.inner_exit = error
        raise


class TimeoutMachine(CombinatorMachine):
    LOOP_CLAUSE = "COMB-TIMEOUT-1"

    def __init__(self):
        super().__init__()
        self.deadline = None
        self.reached = None  # at the deadline's iteration: "pending" (the body awaited a pending gate) or "race"
        self.reached_at = None  # the loop iteration that reached it
        self.outer_deadline = self.outer_reached = self.outer_at = None  # the same of the outer block
        self.foreign = False  # the task was cancelled from outside while in the block
        self.rescheduled = False
        self.judged_caller = False

    @initialize(delay=st.sampled_from((None, 0, 3)), swallow=st.sampled_from((False, False, True)),
                absolute=st.booleans(), outer=st.sampled_from((None, None, 2, 3, 5)))
    @opening
    def start(self, delay, swallow=False, absolute=False, outer=None):
        """A block of timeout(delay) (timeout_at(now + delay) if `absolute`), inside a block of timeout(outer)
        unless that is None; a body that swallows the deadline's CancelledError only in a block alone."""
        if not self.applies("COMB-TIMEOUT-1"):
            return  # asyncio.timeout is 3.11+; a backport's, or a loop on the machine's clock, a capability
        if absolute:
            self.clock = 100  # a loop time that is no delay
        self.run = Run(None)
        self.run.swallow = swallow and outer is None
        self.run.absolute, self.run.outer = absolute, outer
        self.run.outer_scope = self.run.inner_exit = self.run.unentered = None
        self.run.gate, self.run.after = self.loop.create_future(), self.loop.create_future()
        self.run.received, self.run.left = [], False
        self.deadline = None if delay is None else self.clock + delay
        self.outer_deadline = None if outer is None else self.clock + outer
        self.caller_task = self.loop.create_task(timed(self.run, self.adapter, delay, self.loop))
        self.enter(lambda: self.run.awaitable is not None)
        self.expect("COMB-TIMEOUT-1", self.run.awaitable is not None or self.run.outcome is not None,
                    f"the caller did not enter the timeout's block in {ENTERING} loop iterations")
        if self.run.unentered is not None:  # another timeout: a muted violation leaves the block to be judged
            self.judge_aside("COMB-TIMEOUT-7", self.run.unentered, ("raises", "RuntimeError"),
                             "reschedule() of a timeout never entered")
        if self.run.awaitable is not None:
            self.judge_when(f"{'timeout_at' if absolute else 'timeout'}() entered at loop time {self.clock}")

    def in_block(self):
        return self.run.outcome is None and not self.run.left

    def judge_when(self, what):
        when = self.call(None, "when() of the timeout", "COMB-TIMEOUT-5", self.run.awaitable.when)
        self.expect("COMB-TIMEOUT-5", not when.raised and when.value == self.deadline,
                    lambda: f"when() of a {what} {when.describe()}; expected {self.deadline}")

    def role(self, name):
        """The TimeoutError leaving an expired block: the adapter's, or the built-in one, which asyncio's is from 3.11
        (a backport of asyncio.timeout on 3.9/3.10 may raise either)."""
        return (self.adapter.TimeoutError, TimeoutError) if name == "TimeoutError" else super().role(name)

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started)
    @rule(how=st.sampled_from(("result", "exception")))
    @judged
    def complete(self, how):
        """Complete the gate the body awaits (or, once the block is left, the one after it)."""
        if not self.started:
            return  # before 3.11: no block (the tour takes its walks all the same)
        gate = self.run.gate if not self.run.left else self.run.after
        if not gate.done():
            (gate.set_result if how == "result" else gate.set_exception)(
                object() if how == "result" else ValueError("raised in the body"))
        self.seen()

    @precondition(lambda self: self.started)
    @rule(step=st.sampled_from((1, 3)))
    def advance(self, step):
        self.clock += step

    def may_cancel_caller(self):
        """Once, in the block, before the deadline; not in a body that swallows the CancelledError (whose block then
        ends normally, and its caller with whatever follows: nothing to say about the request)."""
        return self.started and not self.foreign and self.reached is None and self.outer_reached is None and \
            self.in_block() and not self.run.swallow

    @precondition(lambda self: self.may_cancel_caller())
    @rule()
    @judged
    def cancel_caller(self):
        if not self.may_cancel_caller():
            return
        self.foreign = True
        self.caller_task.cancel()
        self.seen()

    def may_reschedule(self):
        """From the loop, as users do (a callback of the next iteration), while the old deadline is not reached at
        that iteration (the new one is heard from the iteration after), or once the block is left or expired."""
        return self.started and self.run.awaitable is not None and (
            self.deadline is None or self.clock < self.deadline or self.reached is not None or not self.in_block())

    @precondition(lambda self: self.may_reschedule())
    @rule(shift=st.sampled_from((None, -1, 0, 2, 5)))
    @judged
    def reschedule(self, shift):
        if not self.may_reschedule():
            return
        when = None if shift is None else self.clock + shift
        entered = self.in_block() and not self.run.gate.done() and self.reached is None
        state = "in its block" if entered else "whose block was left" if not self.in_block() else \
            "whose deadline was reached" if self.reached else "whose body is about to leave its block"
        clause = "COMB-TIMEOUT-6" if entered else "COMB-TIMEOUT-7"
        got = []
        self.loop.call_soon(rescheduling, self.run.awaitable, when, got)
        self.run_loop_once()
        if not got or self.retired_all:
            return
        kind, value = got[0]
        did = f"{'returned' if kind == 'returns' else 'raised'} {show(value)}"
        if not entered:
            self.expect(clause, kind == "raises" and isinstance(value, RuntimeError),
                        lambda: f"reschedule({when}) of a timeout {state} {did}; expected RuntimeError")
            return
        self.expect(clause, kind == "returns", lambda: f"reschedule({when}) of a timeout in its block {did}")
        self.deadline, self.rescheduled = when, True
        self.judge_when(f"timeout rescheduled to {when}")

    def before_iteration(self):
        if self.run is None or self.run.awaitable is None or not self.in_block():
            return
        if self.reached is None and self.deadline is not None and self.clock >= self.deadline:
            self.reached, self.reached_at = "race" if self.run.gate.done() else "pending", self.iterations + 1
        if self.outer_reached is None and self.outer_deadline is not None and self.clock >= self.outer_deadline:
            self.outer_reached, self.outer_at = "race" if self.run.gate.done() else "pending", self.iterations + 1

    # -- judging --------------------------------------------------------------------------------------------------

    def judge_now(self):
        if self.retired_all or self.run is None or self.run.outcome is None or self.judged_caller:
            return
        self.judged_caller = True
        kind, value = self.run.outcome
        if self.foreign:
            self.judge_outcome("COMB-TIMEOUT-3", self.run.outcome, ("raises", "CancelledError"),
                               f"a block whose task was cancelled from outside"
                               f"{' as the deadline was reached' if self.reached else ''}")
            return
        if self.reached == "race" or self.run.awaitable is None:
            return  # the body resumed at the iteration the deadline was reached: either ending is right
        scope = self.run.awaitable
        expired = self.call(None, "expired() of the timeout", "COMB-TIMEOUT-1", scope.expired)
        inner_first = self.reached == "pending" and (self.outer_at is None or self.reached_at < self.outer_at)
        if self.outer_reached is not None and not inner_first:
            if self.outer_reached == "pending":
                self.judge_outer(expired)
            return  # "race": the body resumed at the iteration the outer deadline was reached
        if self.run.outer_scope is not None:
            outer = self.call(None, "expired() of the outer timeout", "COMB-TIMEOUT-8", self.run.outer_scope.expired)
            self.expect("COMB-TIMEOUT-8", outer.value is False,
                        lambda: f"an outer block whose deadline was not reached before the inner's ended "
                                f"(the caller {kind} {show(value)}): its expired() {outer.describe()}")
        if self.reached == "pending" and self.run.swallow:
            self.expect("COMB-TIMEOUT-4", self.run.left and expired.value is True,
                        lambda: f"a body that caught the deadline's CancelledError and ended normally "
                                f"{'left the block' if self.run.left else 'did not leave the block normally'} "
                                f"(the caller {kind} {show(value)}), and expired() {expired.describe()}")
            self.judge_outcome("COMB-TIMEOUT-4", self.run.outcome, self.after_block(),
                               "the caller, after its body caught the deadline's CancelledError,")
            return
        if self.reached == "pending" and not self.run.left:
            self.judge_outcome("COMB-TIMEOUT-1", self.run.outcome, ("raises", "TimeoutError"),
                               "a block whose deadline was reached while its body awaited")
            cause = getattr(value, "__cause__", None)
            self.expect("COMB-TIMEOUT-1", isinstance(cause, self.adapter.CancelledError),
                        lambda: f"the TimeoutError leaving the block has __cause__ {show(cause)}; expected the "
                                "CancelledError the body let through")
            self.expect("COMB-TIMEOUT-1", expired.value is True,
                        lambda: f"after the deadline ended the block, expired() {expired.describe()}")
            return
        if self.run.gate.cancelled():
            clause = "COMB-TIMEOUT-6" if self.rescheduled else "COMB-TIMEOUT-2"
            self.expect(clause, False, lambda: f"the body was cancelled though no deadline was reached (its deadline "
                                               f"is {self.deadline}, the loop's time {self.clock}; the caller {kind} "
                                               f"{show(value)})")
            return
        failed = self.run.gate.exception()  # the body's await raised it: it leaves the block unchanged
        self.expect("COMB-TIMEOUT-2", (self.run.left or failed is not None) and expired.value is False,
                    lambda: f"a body that ended before the deadline {'left' if self.run.left else 'did not leave'} "
                            f"the block, and expired() {expired.describe()}")
        expected = ("raises", failed) if failed is not None else self.after_block()
        self.judge_outcome("COMB-TIMEOUT-2", self.run.outcome, expected,
                           "the caller, after a block ended before its deadline (and the clock went on),")

    def judge_outer(self, inner_expired):
        """The outer deadline reached first, or with the inner's: the inner lets the CancelledError through, the
        outer converts it."""
        both = self.reached == "pending"
        what = f"the outer deadline reached {'with' if both else 'before'} the inner's, while the body awaited"
        exit_ = self.run.inner_exit
        self.expect("COMB-TIMEOUT-8", isinstance(exit_, self.adapter.CancelledError),
                    lambda: f"{what}: the inner block was left with {show(exit_)}; expected the CancelledError, "
                            "which is not the inner's alone")
        self.judge_outcome("COMB-TIMEOUT-8", self.run.outcome, ("raises", "TimeoutError"), f"{what}: the caller")
        outer = self.call(None, "expired() of the outer timeout", "COMB-TIMEOUT-8", self.run.outer_scope.expired)
        self.expect("COMB-TIMEOUT-8", outer.value is True, lambda: f"{what}: the outer's expired() {outer.describe()}")
        self.expect("COMB-TIMEOUT-8", both or inner_expired.value is False,
                    lambda: f"{what}: the inner's expired() {inner_expired.describe()}, though its deadline was not "
                            "reached")

    def after_block(self):
        """What the caller must get once it left the block normally: the outcome of the gate it then awaited."""
        after = self.run.after.exception() if self.run.after.done() else None
        return ("raises", after) if after is not None else ("returns", None)

    @judged
    def finish(self):
        self.settle()
        if not self.started or self.retired_all:
            return
        if self.reached == "pending" and not self.foreign:
            self.expect("COMB-TIMEOUT-1", "cancelled" in self.run.received or self.run.outcome is not None,
                        "the deadline was reached while the body awaited, yet the body received no CancelledError")
        for gate in (self.run.gate, self.run.after):
            if not gate.done():
                gate.set_result(None)
            self.settle()
        self.expect("COMB-TIMEOUT-2", self.run.outcome is not None, "the caller of the timeout block never resumed")
