"""The machine for asyncio.as_completed (spec/combinators.md §6): children completed in every order, iterated with
`for` (items awaited as soon as they are yielded) and, from 3.13, with `async for`; with and without a deadline,
the caller cancelled, a child passed twice, a lone future or coroutine passed instead of an iterable.

The model is the order in which the children completed and the loop iteration that reached the deadline. The k-th
item must give the k-th child to complete before that iteration (those done before the call first, in any order);
past those, a child completing at that very iteration may still come (the deadline's timer and its completion race
in one iteration), then only TimeoutError.
Nothing as_completed does may cancel a child.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from .base import CombinatorMachine, Run
from .gather import COMPLETIONS, KINDS
from .wait import ChildRules, bare

END = object()  # the plain iteration stopped


async def consume(run, adapter, given, timeout, asynchronous, limit):
    """The caller: call as_completed and iterate it at once, awaiting each item as it comes (`for`) or taking each
    step of the `async for` by hand, so that one raising step is recorded and the iteration goes on, as a user
    catching TimeoutError around each await would. At most `limit` items: an iterator that never stops is judged."""
    run.started = True
    try:
        iterator = adapter.as_completed(given, timeout=timeout)
        run.awaitable = iterator
        steps = iterator.__aiter__() if asynchronous else iter(iterator)
        while len(run.items) < limit:
            step = steps.__anext__() if asynchronous else next(steps, END)
            if step is END:
                break
            try:
                run.items.append(("returns", await step))
            except StopAsyncIteration:
                break
            except BaseException as error:  # an item's outcome may be any exception
                run.items.append(("raises", error))
                if run.cancelled and isinstance(error, adapter.CancelledError):
                    raise
        run.outcome = ("returns", None)
    except BaseException as error:  # the outcome may be any exception
        run.outcome = ("raises", error)


class AsCompletedMachine(ChildRules, CombinatorMachine):
    LOOP_CLAUSE = "COMB-ASCOMP-1"

    def __init__(self):
        super().__init__()
        self.asynchronous = False
        self.deadline = None
        self.deadline_at = None  # the loop iteration that reached the deadline
        self.refused = None  # "future" or "coroutine": passed alone, as_completed must refuse it
        self.duplicate = False  # the first child was passed twice
        self.judged_items = 0
        self.given = set()  # the children an item gave
        self.timeout_given = False  # an item gave TimeoutError: only TimeoutError may follow
        self.judged_caller = False
        self.coroutine = None

    @initialize(kinds=st.lists(st.sampled_from(sorted(KINDS)), max_size=3), timeout=st.sampled_from((None, 3)),
                asynchronous=st.booleans(), duplicate=st.sampled_from((False, False, True)),
                refused=st.sampled_from((None, None, None, None, None, "future", "coroutine")),
                done=st.sampled_from((None, None, *COMPLETIONS)))
    @opening
    def start(self, kinds, timeout, asynchronous=False, duplicate=False, refused=None, done=None):
        """as_completed(children, timeout), its future children already done if `done`; the first passed twice if
        `duplicate`; a lone future (the first child's) or a bare coroutine instead if `refused`."""
        self.asynchronous = asynchronous and self.applies("COMB-ASCOMP-2")
        timeout = self.deadline_or_none(timeout)
        if refused == "future" and not kinds:
            kinds = ["future"]
        children = [self.new_child(*KINDS[kind]) for kind in kinds]
        for child in children if done is not None else ():
            if child.kind == "future":
                self.complete_child(child, done)
        given = [c.future for c in children]
        self.duplicate = duplicate and bool(children) and refused is None
        if self.duplicate:
            given.append(children[0].future)
        self.refused = refused
        if refused == "future":
            given = children[0].future
        elif refused == "coroutine":
            given = self.coroutine = bare()
        if timeout is not None:
            self.deadline = self.clock + timeout
        self.run = Run(None)
        self.run.items, self.run.cancelled = [], False
        self.caller_task = self.loop.create_task(
            consume(self.run, self.adapter, given, timeout, self.asynchronous, limit=len(children) + 2))
        self.run_loop_once()
        self.expect("COMB-ASCOMP-1", self.run.started, "the caller did not get to call as_completed at the first "
                                                       "loop iteration")

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started and not self.run.cancelled and self.run.outcome is None)
    @rule()
    @judged
    def cancel_caller(self):
        if self.run.cancelled or self.run.outcome is not None:
            return
        self.run.cancelled = True
        self.caller_task.cancel()
        self.seen()

    def before_iteration(self):
        if self.deadline is not None and self.deadline_at is None and self.clock >= self.deadline:
            self.deadline_at = self.iterations + 1

    # -- judging --------------------------------------------------------------------------------------------------

    @property
    def iteration(self):
        return "async for" if self.asynchronous else "for"

    def judge_now(self):
        if self.retired_all or self.run is None:
            return
        for child in self.children:
            reached = child.future.cancelled() if child.kind == "future" else "cancelled" in child.received
            self.expect("COMB-ASCOMP-3" if self.deadline_at is not None and not self.run.cancelled else "COMB-ASCOMP-6",
                        child.requested or not reached,
                        lambda: f"{child} was cancelled, though only the machine may cancel it: as_completed cancels "
                                f"nothing ({self.who_cancelled()})")
        while self.judged_items < len(self.run.items) and not self.retired_all:
            self.judged_items += 1
            self.judge_item(self.judged_items - 1, self.run.items[self.judged_items - 1])
        if not self.retired_all:
            self.judge_caller()

    def who_cancelled(self):
        return "its caller was cancelled" if self.run.cancelled else \
            "its deadline was reached" if self.deadline_at is not None else "no one asked"

    def allowed(self, k):
        """What the k-th item may give: (the children it may give, whether TimeoutError may come instead)."""
        order = self.completions
        early = [c for c in order if c.done_at == 0]  # done before the call: first, in any order
        if k < len(early):
            return [c for c in early if c not in self.given], False
        if self.deadline_at is None:
            return order[k:k + 1], False
        before = [c for c in order if c.done_at < self.deadline_at]
        if k < len(before):
            return [before[k]], False
        racing = [c for c in order if c.done_at == self.deadline_at]
        return ([] if self.timeout_given else racing[k - len(before):k - len(before) + 1]), True

    def gives(self, got, child):
        kind, payload = got
        want_kind, want = ("returns", child.future) if self.asynchronous else self.child_outcome(child)
        if isinstance(want, str):
            return kind == "raises" and isinstance(payload, self.adapter.CancelledError)
        return kind == want_kind and payload is want

    def judge_item(self, k, got):
        kind, payload = got
        mine = self.run.cancelled and kind == "raises" and isinstance(payload, self.adapter.CancelledError)
        if self.refused or mine:  # the caller's own cancellation, judged with the caller
            self.expect("COMB-ASCOMP-4", not self.refused,
                        lambda: f"as_completed() of {self.refusal()} yielded an item, which {kind} {show(payload)}")
            return
        children, timeout_ok = self.allowed(k)
        timed_out = kind == "raises" and isinstance(payload, self.adapter.TimeoutError)
        if timeout_ok and timed_out:
            self.timeout_given = True
            return
        match = next((child for child in children if self.gives(got, child)), None)
        if match is not None:
            self.given.add(match)
            return
        given = any(self.gives(got, c) for c in self.completions[:k])
        clause = "COMB-ASCOMP-4" if self.duplicate and (given or k >= len(self.children)) else \
            "COMB-ASCOMP-3" if timeout_ok or timed_out else \
            "COMB-ASCOMP-2" if self.asynchronous else "COMB-ASCOMP-1"
        wanted = " or ".join([self.describe_giving(c) for c in children] + ["TimeoutError"] * timeout_ok) or \
            "nothing: no child it could give had completed"
        reached = "" if self.deadline_at is None else f", the deadline reached at loop iteration {self.deadline_at}"
        self.expect(clause, False, lambda: f"item #{k + 1} of as_completed ({self.iteration}) "
                                           f"{'returned' if kind == 'returns' else 'raised'} {show(payload)}; "
                                           f"expected {wanted} (children completed, in order: "
                                           f"{self.shown(self.completions)}{reached})")

    def describe_giving(self, child):
        if self.asynchronous:
            return f"{child} itself"
        kind, value = self.child_outcome(child)
        return f"{'returning' if kind == 'returns' else 'raising'} {value if isinstance(value, str) else show(value)}"

    def refusal(self):
        return "a lone future" if self.refused == "future" else "a bare coroutine"

    def judge_caller(self):
        if self.judged_caller or self.run.outcome is None:
            return
        self.judged_caller = True
        if self.refused:
            self.judge_outcome("COMB-ASCOMP-4", self.run.outcome, ("raises", "TypeError"),
                               f"iterating as_completed() of {self.refusal()}")
            return
        if self.run.cancelled:
            self.judge_outcome("COMB-ASCOMP-6", self.run.outcome, ("raises", "CancelledError"),
                               "the cancelled caller iterating as_completed()")
            return
        clause = "COMB-ASCOMP-4" if self.duplicate or not self.children else \
            "COMB-ASCOMP-2" if self.asynchronous else "COMB-ASCOMP-1"
        kind, value = self.run.outcome
        self.expect(clause, kind == "returns" and len(self.run.items) == len(self.children),
                    lambda: f"iterating as_completed() ({self.iteration}) of {len(self.children)} distinct children"
                            f"{' (one passed twice)' if self.duplicate else ''} gave {len(self.run.items)} items"
                            f"{'' if kind == 'returns' else f', then raised {show(value)}'}")

    @judged
    def finish(self):
        self.settle()
        if not self.started or self.retired_all:
            return
        if self.deadline_at is not None and not self.run.cancelled and not self.refused:
            self.expect("COMB-ASCOMP-3", self.run.outcome is not None,
                        lambda: f"the deadline was reached, yet the caller iterating as_completed() "
                                f"({self.iteration}) got only {len(self.run.items)} items "
                                f"({self.shown(self.children)})")
        super().finish()
        if self.started and not self.retired_all:
            self.expect("COMB-ASCOMP-1", self.run.outcome is not None,
                        "the caller iterating as_completed() never got to the end of it")

    def closing(self):
        super().closing()
        if self.coroutine is not None:
            self.coroutine.close()
