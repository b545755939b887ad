"""The machine for asyncio.shield (spec/combinators.md §2): the inner a future or a task, completed or cancelled by
the machine (a future possibly before the call); the shield cancelled directly or through its caller, before, after
or as the inner completes.

The model: the shield is decided by its own cancellation (at once) or by the inner's completion (at the next
iteration); nothing the shield's side does may ever reach the inner.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening
from .base import CombinatorMachine
from .gather import COMPLETIONS, KINDS


class ShieldMachine(CombinatorMachine):
    LOOP_CLAUSE = "COMB-SHIELD-2"

    def __init__(self):
        super().__init__()
        self.inner = None
        self.cancelled = False  # a cancel() of the shield took (directly, or through the caller)
        self.unknown = False  # the caller was cancelled as the inner completed: the shield's fate is open
        self.caller_cancelled = False
        self.outer_judged = self.caller_judged = False
        self.called_at = 0  # the loop iteration in which the caller called shield()

    @initialize(kind=st.sampled_from(sorted(KINDS)), done=st.sampled_from((None, None, *COMPLETIONS)))
    @opening
    def start(self, kind, done=None):
        """shield(inner), of an inner already done if `done` (a future completed that way before the call)."""
        self.inner = self.new_child(*KINDS[kind])
        if done is not None and self.inner.kind == "future":
            self.complete_child(self.inner, done)
        self.called_at = self.iterations + 1
        self.start_caller(lambda: self.adapter.shield(self.inner.future), "COMB-SHIELD-2")

    @property
    def shield(self):
        return self.run.awaitable if self.run is not None else None

    def state(self):
        if self.cancelled:
            return "cancelled"
        if self.inner.outcome is None:
            return "pending"
        # the iteration after the inner's completion, or after the call for an inner done before it, decides
        return "deciding" if self.iterations <= max(self.inner.done_at, self.called_at) else "done"

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started)
    @rule(how=st.sampled_from(COMPLETIONS))
    @judged
    def complete(self, how):
        self.complete_child(self.inner, how)

    @precondition(lambda self: self.started and self.shield is not None and not self.unknown)
    @rule()
    @judged
    def cancel_shield(self):
        if self.unknown:
            return
        state = self.state()
        call = self.call(None, "cancel() of the shield", "COMB-SHIELD-1", self.shield.cancel)
        expected = None if state == "deciding" else state == "pending"
        self.expect("COMB-SHIELD-1", not call.raised and (expected is None or call.value is expected),
                    lambda: f"cancel() of a shield ({state}; its inner {self.shown([self.inner])}) "
                            f"{call.describe()}; expected {expected}")
        if call.value is True:
            self.cancelled = True
        self.seen()

    @precondition(lambda self: self.started and self.shield is not None and not self.caller_cancelled
                  and self.run.outcome is None)
    @rule()
    @judged
    def cancel_caller(self):
        if self.caller_cancelled or self.run.outcome is not None:
            return
        state = self.state()
        self.caller_task.cancel()
        self.caller_cancelled = True
        if state == "pending":
            self.cancelled = True
        elif state == "deciding":
            self.unknown = True
        self.seen()

    # -- judging --------------------------------------------------------------------------------------------------

    def judge_now(self):
        if self.retired_all or self.shield is None:
            return
        inner = self.inner
        reached = inner.future.cancelled() if inner.kind == "future" else "cancelled" in inner.received
        self.expect("COMB-SHIELD-1", inner.requested or not reached,
                    lambda: f"{inner}, shielded, was cancelled though only the shield's side was "
                            f"({'the shield' if not self.caller_cancelled else 'its caller'})")
        if not self.outer_judged and not self.unknown:
            self.judge_shield()
        if not self.caller_judged and self.run.outcome is not None and not (self.unknown and not
                                                                             self.caller_cancelled):
            self.caller_judged = True
            if self.caller_cancelled or self.cancelled:
                self.judge_outcome("COMB-SHIELD-1", self.run.outcome, ("raises", "CancelledError"),
                                   "the caller awaiting a cancelled shield")
            elif inner.outcome is not None:
                self.judge_outcome("COMB-SHIELD-2", self.run.outcome, self.child_outcome(inner),
                                   f"the caller awaiting the shield of {self.shown([inner])}")

    def judge_shield(self):
        state = self.state()
        done = self.call(None, "done() of the shield", "COMB-SHIELD-2", self.shield.done)
        if state == "cancelled":
            cancelled = self.call(None, "cancelled() of the shield", "COMB-SHIELD-1", self.shield.cancelled)
            self.expect("COMB-SHIELD-1", cancelled.value is True,
                        lambda: f"after its cancellation took, cancelled() of the shield {cancelled.describe()}")
            self.outer_judged = True
        elif state == "pending":
            self.expect("COMB-SHIELD-2", done.value is False,
                        lambda: f"the shield is done ({done.describe()}) while its inner is pending")
        elif state == "done":
            self.expect("COMB-SHIELD-2", done.value is True,
                        lambda: f"the shield is not done at the loop iteration after its inner completed "
                                f"({self.shown([self.inner])})")
            self.outer_judged = True
            if self.inner.outcome[0] == "cancelled":
                cancelled = self.call(None, "cancelled() of the shield", "COMB-SHIELD-2", self.shield.cancelled)
                self.expect("COMB-SHIELD-2", cancelled.value is True,
                            lambda: f"the inner was cancelled, yet cancelled() of the shield {cancelled.describe()}")
                return
            read = self.call(None, "result() of the shield", "COMB-SHIELD-2", self.shield.result)
            self.judge_outcome("COMB-SHIELD-2", ("raises", read.error) if read.raised else ("returns", read.value),
                               self.child_outcome(self.inner), f"result() of the shield of {self.shown([self.inner])}")

    @judged
    def finish(self):
        super().finish()
        if self.started:
            self.expect("COMB-SHIELD-2", self.run.outcome is not None,
                        lambda: f"the caller awaiting the shield never resumed ({self.shown([self.inner])})")
