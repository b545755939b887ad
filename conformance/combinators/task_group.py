"""The machine for asyncio.TaskGroup (spec/combinators.md §7: 3.11+, or a backport's, capability `task-group`): a
body in the caller's task that makes the members (scripted tasks, as the other combinators' children) and awaits a
gate the machine completes or fails; members completed, failed and cancelled in every order, before and after the
body ended; the parent cancelled from outside while the body awaits or while the block waits; create_task() before
entering, after leaving, and from the body receiving the group's CancelledError (a member failed: the group is
shutting down).

The model: the members' outcomes (seen after every step), what the body did, and the iteration at which the group
had to start cancelling (a member's failure: the iteration after it, when the group hears of it; the body raising or
receiving the outside request: that very iteration). Every member pending then must receive a CancelledError at its
next step, and the body too if a member failed while it awaited; the block must not be left before every member is
done, and what leaves it follows from the failures alone.
"""
import asyncio
import builtins

from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from .base import ENTERING, Child, CombinatorMachine, Run, scripted_child
from .gather import KINDS
from .wait import bare

MEMBER_KINDS = sorted(kind for kind in KINDS if kind != "future")


def exception_groups():
    """BaseExceptionGroup: built in from 3.11, the `exceptiongroup` package's before (what a backport raises)."""
    try:
        return builtins.BaseExceptionGroup
    except AttributeError:
        try:
            from exceptiongroup import BaseExceptionGroup
        except ImportError:
            return ()  # nothing is an exception group then: every check of one fails, naming what was raised
        return BaseExceptionGroup


def cancelling(task):
    """The task's cancelling(), or None for a task without it (asyncio's before 3.11)."""
    return task.cancelling() if hasattr(task, "cancelling") else None


async def grouped(run, adapter, members, new_member):
    """The caller: a group it never enters (create_task() must be refused), then `async with TaskGroup()` whose body
    makes the members and awaits the gate; after the block, create_task() of the left group (refused too). The
    parent is the task running the body: a backport may run it in a task of its own (the `taskgroup` package)."""
    run.started = True
    try:
        run.unentered = attempt(adapter.TaskGroup())
        async with adapter.TaskGroup() as group:
            run.awaitable = group
            run.parent = asyncio.current_task()
            run.entry = cancelling(run.parent)
            for member in members:
                member.future = group.create_task(new_member(member))
            try:
                await run.gate
            except adapter.CancelledError:
                run.received.append("cancelled")
                if run.failed_while_body and not run.cancelled:  # the group's own request: it is shutting down
                    run.shutting = attempt(group, close=False)
                raise
            except Exception:
                run.body_raised = True
                raise
            finally:
                run.body_over = True
        run.outcome = ("returns", None)
    except BaseException as error:  # the outcome may be any exception
        run.outcome = ("raises", error)
    run.exit = cancelling(run.parent) if run.parent is not None else None
    if run.awaitable is not None:
        run.late = attempt(run.awaitable)


def attempt(group, close=True):
    """create_task() of a coroutine that returns at once; refused, it never runs (3.11 leaves it unclosed: closed
    here). Accepted, it is closed too, its task ending at once — unless `close` is False (a group still running its
    members must not gain a failing one: the member returns None)."""
    coroutine = bare()
    try:
        made = ("returns", group.create_task(coroutine))
    except Exception as error:  # judged: RuntimeError
        coroutine.close()
        return ("raises", error)
    if close:
        coroutine.close()
    return made


class TaskGroupMachine(CombinatorMachine):
    LOOP_CLAUSE = "COMB-TASKGROUP-1"

    def __init__(self):
        super().__init__()
        self.abort_at = None  # the iteration at which the group had to cancel its members
        self.aborted_by = None  # "failure", "body" or "outside"
        self.body_request = None  # the iteration after which the body must have received the group's CancelledError
        self.outside_at = None  # the iteration at which the outside request reaches the parent
        self.cancelled_parent = False  # a member failed while the body or the block was waiting: the group cancelled
        self.late_failure = False  # ... and the body had ended
        self.received_before = {}  # member: the CancelledErrors it had received when the last iteration began
        self.judged_caller = False

    @initialize(kinds=st.lists(st.sampled_from(MEMBER_KINDS), max_size=3))
    @opening
    def start(self, kinds):
        if not self.applies("COMB-TASKGROUP-1"):
            return  # asyncio.TaskGroup is 3.11+; a backport's, a capability
        members = [Child(index, *KINDS[kind]) for index, kind in enumerate(kinds)]
        for member in members:
            member.swallowed = object() if member.reaction == "return" else ValueError(f"raised by {member} when "
                                                                                         "cancelled")
        self.run = Run(None)
        self.run.gate = self.loop.create_future()
        self.run.received, self.run.body_over, self.run.body_raised = [], False, False
        self.run.unentered = self.run.late = self.run.exit = self.run.parent = self.run.entry = None
        self.run.cancelled = False
        self.run.failed_while_body, self.run.shutting = False, None  # COMB-TASKGROUP-8
        self.caller_task = self.loop.create_task(grouped(
            self.run, self.adapter, members,
            lambda member: scripted_child(member, self.loop.create_future, self.adapter.CancelledError, self.ends)))
        self.enter(lambda: self.run.awaitable is not None)
        self.expect("COMB-TASKGROUP-1", self.run.awaitable is not None or self.run.outcome is not None,
                    f"the caller did not enter the TaskGroup's block in {ENTERING} loop iterations")
        self.children = [member for member in members if member.future is not None]
        self.expect("COMB-TASKGROUP-1", len(self.children) == len(members),
                    lambda: f"create_task() in the TaskGroup's block made {len(self.children)} of {len(members)} "
                            f"members (the caller {show(self.run.outcome) if self.run.outcome else 'waits'})")
        if self.run.unentered is not None:  # another group: a muted violation leaves the block to be judged
            self.judge_aside("COMB-TASKGROUP-6", self.run.unentered, ("raises", "RuntimeError"),
                             "create_task() of a TaskGroup never entered")

    # -- rules ----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.started)
    @rule(index=st.integers(0, 2), how=st.sampled_from(("result", "exception", "cancel")))
    @judged
    def complete(self, index, how):
        """Complete (or fail) a member's gate, or cancel the member from outside the group."""
        if self.started and index < len(self.children):
            self.complete_child(self.children[index], how)

    @precondition(lambda self: self.started)
    @rule(how=st.sampled_from(("result", "exception")))
    @judged
    def body(self, how):
        """End the body: its gate's result lets it end normally, its exception makes the body raise it."""
        if not self.started or self.run.gate.done():
            return
        if how == "result":
            self.run.gate.set_result(None)
        else:
            self.run.gate.set_exception(ValueError("raised by the body"))
        self.seen()

    def may_cancel_caller(self):
        """Once, while the body awaits its pending gate or while the block waits for its members: the request then
        reaches the parent at its next step, which the model knows."""
        return self.started and not self.run.cancelled and self.run.outcome is None and (
            not self.run.gate.done() or self.run.body_over)

    @precondition(lambda self: self.may_cancel_caller())
    @rule()
    @judged
    def cancel_caller(self):
        if not self.may_cancel_caller():
            return
        self.run.cancelled = True
        self.outside_at = self.iterations + 1
        self.caller_task.cancel()
        self.seen()

    # -- the model ------------------------------------------------------------------------------------------------

    def before_iteration(self):
        self.received_before = {member: member.received.count("cancelled") for member in self.children}

    def aborting(self, at, by):
        """The group had to start cancelling at iteration `at`: every member pending then must hear of it. Heard of
        after the iteration in which what made it happened, the group may have cancelled the members within it (a
        loop whose stop() takes effect a round of callbacks later: uvloop): what they had received counts from the
        iteration's start."""
        if self.abort_at is not None:
            return
        self.abort_at, self.aborted_by = at, by
        for member in self.children:
            if member.outcome is None:
                member.awaiting_request = (at, self.received_before.get(member, member.received.count("cancelled")))

    def on_child_done(self, member):
        if member.outcome[0] != "exception" or self.abort_at is not None:
            return
        self.aborting(member.done_at + 1, "failure")
        self.cancelled_parent = True
        if not self.run.body_over:
            self.body_request = member.done_at + 1
            self.run.failed_while_body = True
        else:
            self.late_failure = True

    def judge_now(self):
        if self.retired_all or self.run is None:
            return
        if self.abort_at is None and self.run.body_raised:
            self.aborting(self.iterations, "body")
        if self.abort_at is None and self.outside_at is not None and self.iterations >= self.outside_at:
            self.aborting(self.outside_at, "outside")
        for member in self.children:
            request = member.awaiting_request
            if request is None or self.iterations <= request[0]:
                continue
            member.awaiting_request = None
            self.expect("COMB-TASKGROUP-4" if self.aborted_by == "body" else "COMB-TASKGROUP-5"
                        if self.aborted_by == "outside" else "COMB-TASKGROUP-2",
                        member.received.count("cancelled") > request[1] or member.requested
                        or (member.done_at is not None and member.done_at <= request[0])
                        or (member.outcome is not None and member.outcome[0] == "cancelled"),
                        lambda: f"{member}, pending when the group had to cancel its members ({self.why()}), did not "
                                "receive a CancelledError")
        if self.body_request is not None and self.iterations > self.body_request:
            self.body_request = None
            self.expect("COMB-TASKGROUP-2", "cancelled" in self.run.received,
                        "a member failed while the body awaited, yet the body received no CancelledError")
        self.judge_caller()

    def why(self):
        return {"failure": "a member failed", "body": "the body raised",
                "outside": "the parent was cancelled from outside"}[self.aborted_by]

    def judge_caller(self):
        if self.judged_caller or self.run.outcome is None:
            return
        self.judged_caller = True
        kind, value = self.run.outcome
        pending = [m for m in self.children if m.outcome is None]
        self.expect("COMB-TASKGROUP-1", not pending,
                    lambda: f"the TaskGroup's block was left ({kind} {show(value)}) while "
                            f"{', '.join(map(str, pending))} still pending")
        errors = [m.outcome[1] for m in self.children if m.outcome is not None and m.outcome[0] == "exception"]
        body_error = self.run.gate.exception() if self.run.body_raised else None
        if errors or body_error is not None:
            self.judge_group("COMB-TASKGROUP-4" if body_error is not None else "COMB-TASKGROUP-3",
                             errors + [body_error] * (body_error is not None))
        elif self.run.cancelled:
            self.judge_outcome("COMB-TASKGROUP-5", self.run.outcome, ("raises", "CancelledError"),
                               "a TaskGroup's block whose parent was cancelled from outside, no member failing,")
        else:
            self.judge_outcome("COMB-TASKGROUP-1", self.run.outcome, ("returns", None),
                               f"a TaskGroup's block whose body ended normally ({self.shown(self.children)})")
        if self.cancelled_parent and not self.run.cancelled and self.run.entry is not None:
            self.expect("COMB-TASKGROUP-7", self.run.exit == self.run.entry,
                        lambda: f"after the group cancelled its parent (a member failed "
                                f"{'after' if self.late_failure else 'while'} the body ended), the parent's "
                                f"cancelling() is {self.run.exit} on leaving the block; it was {self.run.entry} on "
                                "entering it")
        if self.run.late is not None:
            self.judge_outcome("COMB-TASKGROUP-6", self.run.late, ("raises", "RuntimeError"),
                               "create_task() of a TaskGroup whose block was left")
        if self.run.shutting is not None:
            self.judge_outcome("COMB-TASKGROUP-8", self.run.shutting, ("raises", "RuntimeError"),
                               "create_task() of a TaskGroup cancelling its members (one failed), from the body "
                               "receiving the group's CancelledError,")

    def judge_group(self, clause, errors):
        kind, value = self.run.outcome
        got = list(getattr(value, "exceptions", ())) if isinstance(value, exception_groups()) else None
        ok = kind == "raises" and got is not None and len(got) == len(errors) and \
            sorted(map(id, got)) == sorted(map(id, errors))
        held = f" holding {[show(e) for e in got]}" if got is not None else ""
        did = "returning" if kind == "returns" else "raising"
        self.expect(clause, ok, lambda: f"the TaskGroup's block was left {did} {show(value)}{held}; expected an "
                                        f"ExceptionGroup of exactly {[show(e) for e in errors]}")

    @judged
    def finish(self):
        self.settle()
        if not self.started or self.retired_all:
            return
        if not self.run.gate.done():
            self.run.gate.set_result(None)
        super().finish()
        if self.started and not self.retired_all:
            self.expect("COMB-TASKGROUP-1", self.run.outcome is not None,
                        lambda: f"the caller never left the TaskGroup's block ({self.shown(self.children)})")
