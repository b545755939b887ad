"""The machine for asyncio.gather (spec/combinators.md §1): children completed and cancelled in every order, the
gather cancelled directly or through its caller, with and without return_exceptions.

The model is the order in which the children completed (seen after every step) and whether a cancel() of the
gather took: from that alone it says when the gather is decided and with what. The gather must not be done before
it is decided, must be done at the iteration after, and its outcome and the caller's are judged against the model.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening
from .base import CANCELLED, CombinatorMachine

KINDS = {  # a child as the rules name it: (kind, what a task does with a CancelledError)
    "future": ("future", "propagate"), "task": ("task", "propagate"), "task-return": ("task", "return"),
    "task-raise": ("task", "raise"), "task-linger": ("task", "linger")}
COMPLETIONS = ("result", "exception", "cancel")


class GatherMachine(CombinatorMachine):
    LOOP_CLAUSE = "COMB-GATHER-1"

    def __init__(self):
        super().__init__()
        self.return_exceptions = False
        self.cancel_requested = False  # a cancel() of the gather (or of its caller) took
        self.decided = None  # (expected outcome, clause, the iterations run when it was decided)
        self.outer_done = False
        self.caller_cancelled = None  # None, or whether the caller's outcome is still the gather's
        self.judged_caller = False

    @initialize(kinds=st.lists(st.sampled_from(sorted(KINDS)), max_size=4), return_exceptions=st.booleans())
    @opening
    def start(self, kinds, return_exceptions):
        self.return_exceptions = return_exceptions
        children = [self.new_child(*KINDS[kind]) for kind in kinds]
        if not children:
            self.decided = (("returns", []), "COMB-GATHER-7", -1)
        self.start_caller(lambda: self.adapter.gather(*(c.future for c in children),
                                                      return_exceptions=return_exceptions), "COMB-GATHER-1")

    @property
    def gather(self):
        return self.run.awaitable if self.run is not None else None

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started)
    @rule(index=st.integers(0, 3), how=st.sampled_from(COMPLETIONS))
    @judged
    def complete(self, index, how):
        if index < len(self.children):
            self.complete_child(self.children[index], how)

    @precondition(lambda self: self.started and self.gather is not None)
    @rule()
    @judged
    def cancel_gather(self):
        pending = [c for c in self.children if c.outcome is None]
        state = self.state()
        call = self.call(None, "cancel() of the gather", "COMB-GATHER-5", self.gather.cancel)
        expected = False if state == "done" or not pending else None if state == "deciding" else True
        self.expect("COMB-GATHER-5", not call.raised and (expected is None or call.value is expected),
                    lambda: f"cancel() of a gather ({state}; {self.shown(self.children)}) {call.describe()}; "
                            f"expected {expected}")
        if call.value is True:
            self.took(pending, "cancel() of the gather")
        self.seen()

    @precondition(lambda self: self.started and self.caller_cancelled is None and self.run.outcome is None)
    @rule()
    @judged
    def cancel_caller(self):
        """Cancel the caller while it awaits the gather: the request is passed on to the gather."""
        if self.caller_cancelled is not None or self.run.outcome is not None:
            return
        pending = [c for c in self.children if c.outcome is None]
        state = self.state()
        self.caller_task.cancel()
        self.caller_cancelled = state == "pending" and bool(pending)
        if self.caller_cancelled:
            self.took(pending, "cancelling the caller awaiting the gather")
        elif state == "deciding":
            self.judged_caller = True  # whether the gather took the request is the implementation's to say
        self.seen()

    def took(self, pending, what):
        """A cancellation of the gather took: every pending child future is cancelled now; every pending task
        receives a CancelledError at its next step."""
        self.cancel_requested = True
        for child in pending:
            if child.kind == "future":
                self.expect("COMB-GATHER-5", child.future.cancelled(),
                            f"after {what}, {child}, which was pending, is not cancelled")
            else:
                child.awaiting_request = (self.iterations, child.received.count("cancelled"))

    # -- the model ------------------------------------------------------------------------------------------------

    def state(self):
        """"pending" (undecided), "deciding" (decided since the last iteration: the gather may not have acted yet)
        or "done" (it must be done)."""
        if self.decided is None:
            return "pending"
        return "deciding" if self.decided[2] == self.iterations else "done"

    def on_child_done(self, child):
        if self.decided is not None:
            return
        kind, value = child.outcome
        if not self.return_exceptions and kind != "result":
            clause = "COMB-GATHER-5" if self.cancel_requested else \
                "COMB-GATHER-2" if kind == "exception" else "COMB-GATHER-4"
            self.decided = (("raises", value if kind == "exception" else "CancelledError"), clause, child.done_at)
        elif all(c.outcome is not None for c in self.children):
            if self.cancel_requested:
                self.decided = (("raises", "CancelledError"), "COMB-GATHER-5", child.done_at)
                return
            results = [CANCELLED if c.outcome[0] == "cancelled" else c.outcome[1] for c in self.children]
            kinds = {c.outcome[0] for c in self.children}
            clause = "COMB-GATHER-4" if "cancelled" in kinds else "COMB-GATHER-3" if "exception" in kinds else \
                "COMB-GATHER-1"
            self.decided = (("returns", results), clause, child.done_at)

    def judge_now(self):
        if self.retired_all:
            return
        self.judge_requests()
        if self.gather is None or self.outer_done:
            self.judge_caller()
            return
        done = self.call(None, "done() of the gather", "COMB-GATHER-1", self.gather.done)
        state = self.state()
        if state == "pending":
            clause = "COMB-GATHER-5" if self.cancel_requested else \
                "COMB-GATHER-3" if self.return_exceptions else "COMB-GATHER-1"
            self.expect(clause, done.value is False,
                        lambda: f"the gather is done ({done.describe()}) while nothing decides it yet: "
                                f"{self.shown(self.children)}")
        elif state == "done":
            expected, clause, _ = self.decided
            self.expect(clause, done.value is True,
                        lambda: f"the gather is not done at the loop iteration after it was decided "
                                f"({self.shown(self.completions)}, in that order)")
        if done.value is True and state != "pending":
            self.outer_done = True
            expected, clause, _ = self.decided
            read = self.call(None, "result() of the gather", clause, self.gather.result)
            self.judge_outcome(clause, ("raises", read.error) if read.raised else ("returns", read.value), expected,
                               f"result() of the gather ({self.shown(self.completions)}, in that order)")
        self.judge_caller()

    def judge_requests(self):
        """A pending child task of a cancelled gather received the CancelledError at its next step."""
        for child in self.children:
            request = child.awaiting_request
            if request is None or self.iterations <= request[0]:
                continue
            child.awaiting_request = None
            self.expect("COMB-GATHER-5", child.received.count("cancelled") > request[1] or child.requested,
                        f"{child}, pending when the gather was cancelled, did not receive a CancelledError")

    def judge_caller(self):
        if self.judged_caller or self.run.outcome is None or self.decided is None:
            return
        self.judged_caller = True
        expected, clause, _ = self.decided
        if self.caller_cancelled is False:
            expected, clause = ("raises", "CancelledError"), "COMB-GATHER-5"
        self.judge_outcome(clause, self.run.outcome, expected, "the caller awaiting the gather")

    @judged
    def finish(self):
        super().finish()
        if self.started:
            self.expect("COMB-GATHER-1", self.run.outcome is not None,
                        lambda: f"the caller awaiting the gather never resumed ({self.shown(self.children)})")
