"""The machine for asyncio.timeout (spec/combinators.md §5, 3.11+): a body in the caller's task awaiting a gate the
machine completes, the deadline reached before, at and after the body's end, and the task cancelled from outside,
alone or at the iteration the deadline is reached.

The model: what the body was doing at the loop iteration that reached the deadline (awaiting a pending gate: the
block must end in TimeoutError; its gate already completed: a race either outcome answers), and whether someone
else cancelled the task first (then only CancelledError may leave the block); a body that catches the deadline's
CancelledError leaves the block normally.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from .base import CombinatorMachine, Run


async def timed(run, adapter, delay, loop):
    """The caller: a body awaiting the gate inside `async with timeout(delay)` (catching a CancelledError and ending
    normally if `run.swallow`), then, outside the block, the second
    gate, which an old deadline must leave alone."""
    run.started = True
    try:
        async with adapter.timeout(delay) as scope:
            run.awaitable = scope
            try:
                await run.gate
            except adapter.CancelledError:
                run.received.append("cancelled")
                if not run.swallow:
                    raise
        run.left = True
        await run.after
        run.outcome = ("returns", None)
    except BaseException as error:  # the outcome may be any exception
        run.outcome = ("raises", error)


class TimeoutMachine(CombinatorMachine):
    LOOP_CLAUSE = "COMB-TIMEOUT-1"

    def __init__(self):
        super().__init__()
        self.deadline = None
        self.reached = None  # at the deadline's iteration: "pending" (the body awaited a pending gate) or "race"
        self.foreign = False  # the task was cancelled from outside while in the block
        self.judged_caller = False

    @initialize(delay=st.sampled_from((None, 0, 3)), swallow=st.sampled_from((False, False, True)))
    @opening
    def start(self, delay, swallow=False):
        if not self.applies("COMB-TIMEOUT-1"):
            return  # asyncio.timeout is 3.11+
        self.run = Run(None)
        self.run.swallow = swallow
        self.run.gate, self.run.after = self.loop.create_future(), self.loop.create_future()
        self.run.received, self.run.left = [], False
        self.deadline = None if delay is None else self.clock + delay
        self.caller_task = self.loop.create_task(timed(self.run, self.adapter, delay, self.loop))
        self.run_loop_once()
        self.expect("COMB-TIMEOUT-1", self.run.awaitable is not None or self.run.outcome is not None,
                    "the caller did not enter the timeout's block at the first loop iteration")

    def in_block(self):
        return self.run.outcome is None and not self.run.left

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
        return self.started and not self.foreign and self.reached is None and self.in_block() and not self.run.swallow

    @precondition(lambda self: self.may_cancel_caller())
    @rule()
    @judged
    def cancel_caller(self):
        if not self.may_cancel_caller():
            return
        self.foreign = True
        self.caller_task.cancel()
        self.seen()

    def before_iteration(self):
        if self.run is None or self.run.awaitable is None or self.reached is not None or not self.in_block():
            return
        if self.deadline is not None and self.clock >= self.deadline:
            self.reached = "race" if self.run.gate.done() else "pending"

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
        failed = self.run.gate.exception()  # the body's await raised it: it leaves the block unchanged
        self.expect("COMB-TIMEOUT-2", (self.run.left or failed is not None) and expired.value is False,
                    lambda: f"a body that ended before the deadline {'left' if self.run.left else 'did not leave'} "
                            f"the block, and expired() {expired.describe()}")
        expected = ("raises", failed) if failed is not None else self.after_block()
        self.judge_outcome("COMB-TIMEOUT-2", self.run.outcome, expected,
                           "the caller, after a block ended before its deadline (and the clock went on),")

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
