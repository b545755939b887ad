"""The machine for asyncio.wait (spec/combinators.md §4): every return_when over children completed in every order,
with and without a deadline, the caller cancelled, the inputs refused (no children, an unknown return_when, a lone
future instead of an iterable, a bare coroutine from 3.11), a bare coroutine wrapped in a task (3.9/3.10), and a child
passed twice (counted once).

wait's condition is a property of the children's states, which the machine sees after every step: wait must not
return while it fails (before the deadline), must return once it holds (the machine settles and checks), and what it
returns must split the very children passed into the done and the pending. Nothing it does may cancel a child.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from .base import CombinatorMachine
from .gather import COMPLETIONS, KINDS

RETURN_WHEN = ("ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION")
CLAUSES = {"ALL_COMPLETED": "COMB-WAIT-1", "FIRST_COMPLETED": "COMB-WAIT-2", "FIRST_EXCEPTION": "COMB-WAIT-3"}
REFUSALS = {"empty": ("COMB-WAIT-5", "ValueError"), "return_when": ("COMB-WAIT-5", "ValueError"),
            "coroutine": ("COMB-WAIT-6", "TypeError"), "lone": ("COMB-WAIT-9", "TypeError")}


async def bare(ran=None):
    """A coroutine passed to wait bare: refused from 3.11, wrapped in a task before (its run is noted in `ran`)."""
    if ran is not None:
        ran.append(True)


class ChildRules:
    """The rules wait() and as_completed() share: complete the child at `index` (if there is one), advance the
    clock."""

    @precondition(lambda self: self.started)
    @rule(index=st.integers(0, 2), how=st.sampled_from(COMPLETIONS))
    @judged
    def complete(self, index, how):
        if index < len(self.children):
            self.complete_child(self.children[index], how)

    @precondition(lambda self: self.started)
    @rule(step=st.sampled_from((1, 3)))
    def advance(self, step):
        self.clock += step


class WaitMachine(ChildRules, CombinatorMachine):
    LOOP_CLAUSE = "COMB-WAIT-1"

    def __init__(self):
        super().__init__()
        self.return_when = "ALL_COMPLETED"
        self.deadline = None
        self.timed_out = False
        self.refused = None  # the input wait must refuse: a key of REFUSALS
        self.caller_cancelled = False
        self.judged_caller = False
        self.coroutine = None
        self.ran = []  # the bare coroutine ran (3.9/3.10: wrapped in a task)
        self.wrapped = False  # a bare coroutine was passed where wait must wrap it: every verdict is COMB-WAIT-10's
        self.duplicate = False  # the first child was passed twice: every verdict on the call is COMB-WAIT-7's

    @initialize(kinds=st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=3),
                return_when=st.sampled_from(RETURN_WHEN), timeout=st.sampled_from((None, 3)),
                refused=st.sampled_from((None, None, None, "empty", "return_when", "coroutine", "lone")),
                done=st.sampled_from((None, None, *COMPLETIONS)), duplicate=st.sampled_from((False, False, True)))
    @opening
    def start(self, kinds, return_when, timeout, refused=None, done=None, duplicate=False):
        """wait(children, ...), its future children already done if `done` (completed that way before the call), the
        first passed twice if `duplicate`."""
        timeout = self.deadline_or_none(timeout)
        wrapped = refused == "coroutine" and not self.applies("COMB-WAIT-6")  # before 3.11: wrapped in a task
        refused = None if wrapped else refused
        self.wrapped = wrapped and not duplicate and self.applies("COMB-WAIT-10")
        self.return_when, self.refused = return_when, refused
        children = [] if refused == "empty" else [self.new_child(*KINDS[kind]) for kind in kinds]
        for child in children if done is not None else ():
            if child.kind == "future":
                self.complete_child(child, done)
        if timeout is not None:
            self.deadline = self.clock + timeout
        given = [c.future for c in children]
        self.duplicate = duplicate and bool(children) and refused is None
        if self.duplicate:
            given.append(children[0].future)
        if refused == "coroutine" or self.wrapped:
            self.coroutine = bare(self.ran)
            given.append(self.coroutine)
        if refused == "lone":
            given = given[0]
        when = "SOMETIMES" if refused == "return_when" else return_when
        self.start_caller(lambda: self.adapter.wait(given, timeout=timeout, return_when=when), "COMB-WAIT-1")

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started and not self.caller_cancelled and self.run.outcome is None)
    @rule()
    @judged
    def cancel_caller(self):
        if self.caller_cancelled or self.run.outcome is not None:
            return
        self.caller_cancelled = True
        self.caller_task.cancel()
        self.seen()

    def before_iteration(self):
        if self.deadline is not None and self.clock >= self.deadline and self.run.outcome is None:
            self.timed_out = True

    # -- the model ------------------------------------------------------------------------------------------------

    def holds(self):
        """Whether wait's condition holds on what the children are now."""
        done = [c for c in self.children if c.outcome is not None]
        if self.return_when == "FIRST_COMPLETED":
            return bool(done)
        if self.return_when == "FIRST_EXCEPTION" and any(c.outcome[0] == "exception" for c in done):
            return True
        return len(done) == len(self.children)

    def judge_now(self):
        if self.retired_all or self.run is None:
            return
        for child in self.children:
            reached = child.future.cancelled() if child.kind == "future" else "cancelled" in child.received
            self.expect("COMB-WAIT-4" if self.timed_out and not self.caller_cancelled else "COMB-WAIT-8",
                        child.requested or not reached,
                        lambda: f"{child} was cancelled, though only the machine may cancel it: wait cancels "
                                f"nothing ({self.who_cancelled()})")
        if self.run.outcome is None or self.judged_caller:
            return
        self.judged_caller = True
        if self.refused:
            clause, error = REFUSALS[self.refused]
            self.judge_outcome(clause, self.run.outcome, ("raises", error), f"wait() of {self.refusal()}")
            return
        if self.caller_cancelled:
            self.judge_outcome("COMB-WAIT-8", self.run.outcome, ("raises", "CancelledError"),
                               "the cancelled caller of wait()")
            return
        if self.wrapped:
            self.judge_wrapped()
            return
        clause = self.clause()
        self.expect(clause, self.timed_out or self.holds(),
                    lambda: f"wait(return_when={self.return_when}) returned before its condition held, with no "
                            f"deadline reached: {self.shown(self.children)}{self.twice()}")
        self.judge_sets("COMB-WAIT-4" if self.timed_out and not self.holds() and not self.duplicate else clause)

    def who_cancelled(self):
        return "its caller was cancelled" if self.caller_cancelled else \
            "its deadline was reached" if self.timed_out else "no one asked"

    def clause(self):
        """The clause of what wait() returns: its return_when's, or COMB-WAIT-7's when a child was passed twice."""
        return "COMB-WAIT-7" if self.duplicate else CLAUSES[self.return_when]

    def judge_sets(self, clause):
        kind, value = self.run.outcome
        self.expect(clause, kind == "returns" and isinstance(value, tuple) and len(value) == 2
                    and all(isinstance(s, (set, frozenset)) for s in value),
                    lambda: f"wait(return_when={self.return_when}) {'returned' if kind == 'returns' else 'raised'} "
                            f"{show(value)}; expected a pair of sets (done, pending)")
        if not (kind == "returns" and isinstance(value, tuple) and len(value) == 2):
            return  # a muted clause: nothing more to read
        done, pending = value
        futures = {id(c.future): c for c in self.children}
        split = [id(f) for f in done] + [id(f) for f in pending]
        self.expect(clause, sorted(split) == sorted(futures),
                    lambda: f"the sets wait() returned are not the children passed, each in exactly one of them"
                            f"{self.twice()}")
        late = [futures[id(f)] for f in done if futures[id(f)].outcome is None]
        early = [futures[id(f)] for f in pending if futures[id(f)].done_at is not None
                 and futures[id(f)].done_at < self.iterations]
        self.expect(clause, not late and not early,
                    lambda: f"wait() returned {', '.join(map(str, late))} as done though pending" if late else
                    f"wait() returned {', '.join(map(str, early))} as pending though done before it returned")
        if self.return_when == "ALL_COMPLETED" and not self.timed_out:
            self.expect(clause, not pending, "wait(return_when=ALL_COMPLETED) returned with children pending")

    def judge_wrapped(self):
        """3.9/3.10: the sets wait() returned are the children and, in the bare coroutine's place, a task that ran
        it (when the condition held and when it returned are not judged here: the task is a child the model lacks)."""
        kind, value = self.run.outcome
        pair = kind == "returns" and isinstance(value, tuple) and len(value) == 2
        did = "returned" if kind == "returns" else "raised"
        self.expect("COMB-WAIT-10", pair, lambda: f"wait() of children among which a bare coroutine {did} "
                                                  f"{show(value)}; expected it to wrap the coroutine in a task and "
                                                  "return (done, pending)")
        if not pair:
            return
        futures = {id(c.future) for c in self.children}
        others = [f for s in value for f in s if id(f) not in futures]
        split = sorted(id(f) for s in value for f in s if id(f) in futures)
        self.expect("COMB-WAIT-10", split == sorted(futures) and len(others) == 1 and others[0] is not self.coroutine
                    and hasattr(others[0], "add_done_callback") and bool(self.ran),
                    lambda: f"the sets wait() returned ({show(value)}) are not the children passed and one task in "
                            f"the bare coroutine's place{'' if self.ran else ', which never ran'}")

    def twice(self):
        return f" ({self.children[0]} passed twice)" if self.duplicate else ""

    def refusal(self):
        return {"empty": "no children", "return_when": "return_when='SOMETIMES'",
                "coroutine": "children among which a bare coroutine",
                "lone": "a lone child, not an iterable"}[self.refused]

    @judged
    def finish(self):
        self.settle()
        if not self.started or self.retired_all:
            return
        if not self.refused and (self.timed_out or self.holds()):  # a refusal is due at once, whatever the children
            clause = "COMB-WAIT-4" if self.timed_out and not self.holds() and not self.duplicate else self.clause()
            clause = "COMB-WAIT-10" if self.wrapped else clause
            self.expect(clause, self.run.outcome is not None,
                        lambda: f"wait(return_when={self.return_when}) did not return though "
                                f"{'the deadline was reached' if self.timed_out else 'its condition held'}: "
                                f"{self.shown(self.children)}{self.twice()}")
        super().finish()
        if self.started and not self.retired_all:
            clause = REFUSALS[self.refused][0] if self.refused else "COMB-WAIT-10" if self.wrapped else \
                "COMB-WAIT-7" if self.duplicate else "COMB-WAIT-1"
            self.expect(clause, self.run.outcome is not None,
                        "the caller awaiting wait() never resumed")

    def closing(self):
        super().closing()
        if self.coroutine is not None:
            self.coroutine.close()

