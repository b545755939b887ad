"""The machine for asyncio.wait_for (spec/combinators.md §3): the inner a future or a task (which may swallow or
drag out a cancellation), timeouts None, 0 and positive, the machine's clock advanced to and past the deadline,
results arriving before, at and after it, and the caller cancelled.

The model classifies each call by what happened first, as seen at the loop iteration that reached the deadline or
at the caller's cancellation: the inner was done or about to be (a *race*: its outcome must not be lost, nor the
caller's cancellation), or still pending (it must be cancelled and waited for). wait_for never ends before its
inner, whatever happened.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from .base import CombinatorMachine
from .gather import COMPLETIONS, KINDS

TIMEOUTS = (None, 0, 3)
STEPS = (1, 2, 3)  # how far advance() moves the clock


class WaitForMachine(CombinatorMachine):
    LOOP_CLAUSE = "COMB-WAITFOR-3"

    def __init__(self):
        super().__init__()
        self.inner = None
        self.timeout = None
        self.deadline = None  # the loop's time at which the deadline is reached
        self.timed_out = None  # at the deadline: "race" (the inner was done or about to be) or "pending"
        self.cancelled = None  # at the caller's cancellation: "race" or "pending"
        self.expected = None  # (clause, expected outcome) for the caller, once known
        self.judged_caller = False

    @initialize(kind=st.sampled_from(sorted(KINDS)), timeout=st.sampled_from(TIMEOUTS), done=st.booleans())
    @opening
    def start(self, kind, timeout, done):
        """wait_for(inner, timeout), of an inner already done if `done` (a future with a result)."""
        timeout = timeout if timeout == 0 else self.deadline_or_none(timeout)  # reached at the call on any clock
        self.inner = self.new_child(*KINDS[kind])
        self.timeout = timeout
        if done and self.inner.kind == "future":
            self.complete_child(self.inner, "result")
        if timeout is not None:
            self.deadline = self.clock + timeout
        if timeout == 0 and self.inner.outcome is None:
            self.timed_out = "pending"  # the deadline is reached at the call
        self.start_caller(lambda: self.adapter.wait_for(self.inner.future, timeout), "COMB-WAITFOR-1")

    def about_to_be_done(self):
        return self.inner.outcome is not None or self.inner.ready

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started)
    @rule(how=st.sampled_from(COMPLETIONS))
    @judged
    def complete(self, how):
        self.complete_child(self.inner, how)

    @precondition(lambda self: self.started)
    @rule(step=st.sampled_from(STEPS))
    def advance(self, step):
        """Move the loop's clock on; a deadline reached acts at the next loop iteration (without one, nothing may)."""
        self.clock += step

    def may_cancel_caller(self):
        """One cancellation per call: the caller's, before the deadline (a second one while wait_for waits for its
        cancelled inner is not specified)."""
        return self.started and self.cancelled is None and self.timed_out is None and self.run.outcome is None \
            and (self.deadline is None or self.clock < self.deadline)

    @precondition(lambda self: self.may_cancel_caller())
    @rule()
    @judged
    def cancel_caller(self):
        if not self.may_cancel_caller():
            return
        self.cancelled = "race" if self.about_to_be_done() else "pending"
        self.caller_task.cancel()
        self.seen()

    def before_iteration(self):
        if self.deadline is not None and self.clock >= self.deadline and self.timed_out is None \
                and self.cancelled is None and self.run.started and self.run.outcome is None:
            self.timed_out = "race" if self.about_to_be_done() else "pending"

    # -- judging --------------------------------------------------------------------------------------------------

    def expectation(self):
        """(clause, what the caller must get), None while it depends on what is still to come, or "unjudged"."""
        inner = self.inner
        if inner.outcome is None:
            return None
        swallowed = "cancelled" in inner.received and inner.outcome[0] != "cancelled"
        if self.cancelled is not None:
            return "unjudged" if swallowed else ("COMB-WAITFOR-5", ("raises", "CancelledError"))
        if self.timed_out == "pending":
            if inner.outcome[0] == "cancelled" and not inner.requested:
                return "COMB-WAITFOR-2", ("raises", "TimeoutError")
            # else the machine completed it after the deadline, before wait_for acted: not specified
            return ("COMB-WAITFOR-2", self.child_outcome(inner)) if swallowed else "unjudged"
        clause = "COMB-WAITFOR-4" if self.timed_out == "race" else \
            "COMB-WAITFOR-7" if self.timeout == 0 else "COMB-WAITFOR-1"
        return clause, self.child_outcome(inner)

    def judge_now(self):
        if self.retired_all or self.run is None or self.run.outcome is None or self.judged_caller:
            return
        self.judged_caller = True
        self.expect("COMB-WAITFOR-3", self.inner.outcome is not None,
                    lambda: f"wait_for ended ({self.run.outcome[0]} {self.shown_outcome()}) while its inner, "
                            f"{self.inner}, was not done{self.situation()}")
        unasked = self.inner.outcome is not None and self.inner.outcome[0] == "cancelled" and not self.inner.requested
        self.expect("COMB-WAITFOR-1", not (self.deadline is None and self.cancelled is None and unasked),
                    lambda: f"wait_for(timeout=None) cancelled its inner ({self.inner}) after the clock moved "
                            f"{self.clock}; without a deadline it must wait however much time passes")
        expected = self.expectation()
        if expected not in (None, "unjudged"):
            clause, outcome = expected
            self.judge_outcome(clause, self.run.outcome, outcome,
                               f"wait_for(timeout={self.timeout}) of {self.shown([self.inner])}{self.situation()}")

    def shown_outcome(self):
        return show(self.run.outcome[1])

    def situation(self):
        if self.cancelled:
            return f", its caller cancelled ({'as the inner completed' if self.cancelled == 'race' else 'first'})"
        if self.timed_out:
            return f", the deadline reached ({'as the inner completed' if self.timed_out == 'race' else 'first'})"
        return ""

    @judged
    def finish(self):
        self.settle()
        if not self.started or self.retired_all:
            return
        inner = self.inner
        if self.timed_out == "pending" or self.cancelled == "pending":
            acted = inner.outcome is not None or "cancelled" in inner.received
            clause, why = ("COMB-WAITFOR-2", "the deadline was reached") if self.timed_out else \
                ("COMB-WAITFOR-5", "its caller was cancelled")
            self.expect(clause, acted, f"wait_for did not cancel its inner, {inner}, though {why} while it was pending")
        super().finish()
        if self.started and not self.retired_all:
            self.expect("COMB-WAITFOR-1", self.run.outcome is not None,
                        lambda: f"the caller awaiting wait_for never resumed ({self.shown([inner])})")
