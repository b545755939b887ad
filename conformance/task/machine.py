"""The conformance machine for the task profile (spec/tasks.md).

Like the asyncio machine, it owns the event loop and advances it one iteration at a time (see loop_machine.py), so
"the coroutine has not run yet" and "it ran at the next iteration" are exact observations. Each task
drives a *scripted* coroutine: it awaits futures the machine owns and completes, and follows the machine's orders
(return a value, raise, await again; and what to do with a CancelledError). The coroutine records every step it
takes, so the machine sees exactly what each step delivered.
"""
import asyncio

from hypothesis import strategies as st
from hypothesis.stateful import rule

from ..aio.model import AioState
from ..judging import class_name, judged, show
from ..loop_machine import READ_METHODS, LoopFutureMachine, LoopProbe, LoopTracked
from .model import Order, Phase, TaskModel

MESSAGES = (None, "why", "another reason")
ORDERS = ("return", "raise", "await")  # what completing the awaited future tells the coroutine to do
REACTIONS = ("propagate", "return", "raise", "await")  # what the coroutine does with a CancelledError
CALLBACK_KINDS = ("record", "twice", "reenter")
COMPLETIONS = ("set_result", "set_exception")


class Script:
    """The machine's side of a scripted coroutine: the future it awaits now, what each step delivered to it
    (`start`, `returned` an order, `raised` an error), and what it does with a CancelledError."""

    def __init__(self, new_future, cancelled_error):
        self.new_future = new_future
        self.CancelledError = cancelled_error
        self.started = False
        self.awaiting = None
        self.received = []
        self.on_cancel = Order("propagate")


async def scripted(script):
    """The controllable coroutine: await a future of the machine's, then do as the order it got says."""
    script.started = True
    script.received.append(("start", None))
    while True:
        script.awaiting = script.new_future()
        try:
            order = await script.awaiting
        except BaseException as error:  # what the awaited future raised, or a cancellation request
            script.received.append(("raised", error))
            if not isinstance(error, script.CancelledError) or script.on_cancel.kind == "propagate":
                raise
            order = script.on_cancel
        else:
            script.received.append(("returned", order))
        if order.kind == "return":
            return order.value
        if order.kind == "raise":
            raise order.value


class TaskProbe(LoopProbe):
    """A done-callback of a task that also records whether it ran inside a step of that task (the loop's current
    task then is the task itself): a callback run synchronously by the step that completed the task."""

    def __init__(self, kind, task, journal, loop):
        super().__init__(kind, task, journal)
        self.loop = loop

    def __call__(self, *args):
        in_step = asyncio.current_task(self.loop) is self.future
        super().__call__(*args)
        self.calls[-1]["in_step"] = in_step


def make_order(kind):
    value = {"return": object, "raise": lambda: ValueError("raised by the coroutine")}.get(kind, lambda: None)()
    return Order(kind, value)


class TaskTracked(LoopTracked):
    """A task under test, and the scripted coroutine it drives."""

    Model = TaskModel

    def __init__(self, future):
        super().__init__(future)
        self.script = None
        self.coroutine = None


class TaskMachine(LoopFutureMachine):
    NOUN = "task"
    LOOP_CLAUSE = "TASK-RUN-2"
    EAGER_CLAUSE = "TASK-CB-1"
    REENTRY_CLAUSE = "TASK-CB-1"
    AWAIT_CLAUSE = "TASK-AWAIT-1"
    SETTLING_ITERATIONS = 3
    CLOSING_ITERATIONS = 2
    Tracked = TaskTracked
    futures = LoopFutureMachine.futures

    def no_step_ran(self, f, what, mark, clause_id):
        self.expect(clause_id, len(f.script.received) == mark,
                    lambda: f"{what} ran the task's coroutine; it runs only when the loop runs")

    # -- creating tasks -------------------------------------------------------------------------------------------

    @judged
    def create(self, f):
        f.script = Script(lambda: self.adapter.new_future(self.loop), self.adapter.CancelledError)
        f.coroutine = scripted(f.script)
        call = self.call(f, "the adapter's new_task()", "CORE-STATE-1", self.adapter.new_task, self.loop,
                         f.coroutine)
        self.expect("CORE-STATE-1", not call.raised, lambda: f"the adapter's new_task() {call.describe()}")
        f.future = call.value
        self.expect("TASK-RUN-1", not f.script.started, "creating the task started its coroutine; its first step "
                                                        "must wait for the next loop iteration")
        self.check_state(f, "a new task", ["CORE-STATE-1"])

    # -- driving the coroutine ------------------------------------------------------------------------------------

    @rule(f=futures, kind=st.sampled_from(ORDERS))
    @judged
    def resume(self, f, kind):
        """Complete the future the coroutine is suspended on: with an order as its result, or (`raise`) with the
        exception the coroutine is to raise."""
        if f.model.phase is not Phase.WAITING:
            return
        order = make_order(kind)
        awaited = f.script.awaiting
        complete = awaited.set_exception if kind == "raise" else awaited.set_result
        what = f"completing the awaited future ({kind})"
        mark, steps = len(self.journal), len(f.script.received)
        call = self.call(f, what, "TASK-RUN-2", complete, order.value if kind == "raise" else order)
        self.expect("TASK-RUN-2", not call.raised, lambda: f"{what} {call.describe()}")
        self.no_callback_ran(what, mark)
        self.no_step_ran(f, what, steps, "TASK-RUN-2")
        f.model.awaited_done(order)

    @rule(f=futures, reaction=st.sampled_from(REACTIONS))
    def plan(self, f, reaction):
        """Tell the coroutine what to do with the next CancelledError it receives."""
        if f.retired or f.model.done:
            return
        order = make_order(reaction)
        f.script.on_cancel = f.model.on_cancel = order

    # -- cancelling -----------------------------------------------------------------------------------------------

    @rule(f=futures, msg=st.sampled_from(MESSAGES))
    @judged
    def cancel(self, f, msg):
        was = f"{f.model.state.value} task ({f.model.phase.value})"
        suspended = f.model.phase is Phase.WAITING
        awaited = f.script.awaiting
        clause_id = "TASK-CANCEL-6" if f.model.done else "TASK-CANCEL-1"
        expected = f.model.cancel(msg)
        what = f"cancel({'' if msg is None else repr(msg)})"
        mark, steps = len(self.journal), len(f.script.received)
        call = self.call(f, what, clause_id, f.future.cancel, *(() if msg is None else (msg,)))
        self.no_callback_ran(what, mark)
        self.no_step_ran(f, what, steps, clause_id)
        self.expect(clause_id, not call.raised and call.value is expected,
                    lambda: f"{what} on a {was} {call.describe()}; expected it to return {expected}")
        if suspended:
            cancelled = self.call(f, "cancelled() of the awaited future", "TASK-CANCEL-3", awaited.cancelled)
            self.expect("TASK-CANCEL-3", cancelled.value is True,
                        lambda: f"after {what} on a {was}, the future it awaits is not cancelled: cancelled() of "
                                f"that future {cancelled.describe()}")
        blame = [clause_id, "CORE-STATE-2"] if clause_id == "TASK-CANCEL-6" else [clause_id]
        self.check_state(f, f"after {what} {call.describe()} on a {was}", blame)

    @rule(f=futures)
    @judged
    def cancelling(self, f):
        if not self.applies("TASK-COUNT-1"):
            return
        call = self.call(f, "cancelling()", "TASK-COUNT-1", lambda: f.future.cancelling())  # may be missing
        self.expect("TASK-COUNT-1", not call.raised and call.value == f.model.count,
                    lambda: f"cancelling() {call.describe()}; expected {f.model.count}, the number of requests made "
                            "on the task while it was not done, minus uncancel() calls")

    @rule(f=futures)
    @judged
    def uncancel(self, f):
        if not self.applies("TASK-COUNT-2"):
            return
        before = f.model.count
        expected = f.model.uncancel()
        mark, steps = len(self.journal), len(f.script.received)
        call = self.call(f, "uncancel()", "TASK-COUNT-2", lambda: f.future.uncancel())  # may be missing
        self.no_callback_ran("uncancel()", mark)
        self.no_step_ran(f, "uncancel()", steps, "TASK-COUNT-2")
        self.expect("TASK-COUNT-2", not call.raised and call.value == expected,
                    lambda: f"uncancel() with {before} request(s) counted {call.describe()}; expected {expected}")

    # -- the producer side is closed --------------------------------------------------------------------------------

    @rule(f=futures, method=st.sampled_from(COMPLETIONS))
    @judged
    def complete(self, f, method):
        what = f"{method}() on a {f.model.state.value} task"
        argument = object() if method == "set_result" else ValueError("set by futurespec")
        mark = len(self.journal)
        call = self.call(f, what, "TASK-SET-1", getattr(f.future, method), argument)
        self.no_callback_ran(what, mark)
        self.expect("TASK-SET-1", isinstance(call.error, RuntimeError),
                    lambda: f"{what} {call.describe()}; expected RuntimeError")
        self.check_state(f, f"after {what} {call.describe()}", ["TASK-SET-1"])

    # -- consumer side --------------------------------------------------------------------------------------------

    @rule(f=futures, kind=st.sampled_from(CALLBACK_KINDS))
    @judged
    def add_done_callback(self, f, kind):
        self.register(f, TaskProbe(kind, f.future, self.journal, self.loop), f"add_done_callback(<{kind} callback>)",
                      "TASK-CB-1")

    @rule(f=futures)
    @judged
    def await_task(self, f):
        """Start a task of the loop's own that awaits this one (TASK-AWAIT-1)."""
        self.start_awaiter(f)

    # -- the loop -------------------------------------------------------------------------------------------------

    @rule()
    @judged
    def run_loop_once(self):
        """Advance the loop one iteration: each task's coroutine must take the step the model prescribes (or none),
        and every callback due must have run, in order, and no other."""
        if self.loop_broken:
            return
        live = [f for f in self.tracked if f.future is not None and not f.retired]
        steps = {id(f): (f.model.next_step(), len(f.script.received)) for f in live}
        due, self.scheduled = self.scheduled, []
        mark = len(self.journal)
        self.iterate()  # what the loop reports (a faulty task's step raising, a task destroyed pending) is not judged
        for f in live:
            step, received = steps[id(f)]
            self.judge_step(f=f, step=step, received=received)
        ran = self.journal[mark:]
        early = [p for p in self.scheduled if p.calls]  # scheduled and run in this iteration (uvloop does so)
        self.scheduled = [p for p in self.scheduled if not p.calls]
        for f in live:
            mine = [p for p in ran if p.future is f.future]
            self.judge_callbacks(f=f, due=[p for p in due if p.future is f.future],
                                 early=[p for p in early if p.future is f.future], ran=mine)
            self.judge_awaiters(f=f)

    @judged
    def judge_step(self, f, step, received):
        got = f.script.received[received:]
        was = f.model.phase.value
        if step is None:
            self.expect("TASK-RUN-2", not got, lambda: f"the coroutine of a task ({was}) took a step "
                                                       f"({self.shown(got)}), though nothing it awaits had completed")
            return
        self.expect(self.blamed(step, got), len(got) == (1 if step.starts else 0) and f.script.started is step.starts,
                    lambda: f"at the next loop iteration, the coroutine of a task ({was}) "
                            f"{self.shown(got) if got else 'did not run'}; expected " + self.expected(step))
        if step.starts:
            self.judge_delivery(f, step, got[0], was)
        self.passed(step.clause)  # for TASK-COUNT-3/4: the step honoured the rule for an uncancelled request
        before = f.model.state
        f.model.take(step)
        outcome = "TASK-CANCEL-5" if not step.starts else "TASK-CANCEL-4" if step.cancelled else \
            "TASK-RESULT-1" if f.model.done else step.base
        self.check_state(f, f"after the step of a task ({was})", [outcome])
        if f.model.done and before is AioState.PENDING:
            self.completed(f)
            for method in READ_METHODS:
                self.read(f=f, method=method)

    def blamed(self, step, got):
        """The clause a wrong step breaks: when uncancel() met the request, TASK-COUNT-3/4 if the coroutine did
        what the opposite rule prescribes (received a withdrawn request, or missed one that stands), else the
        clause of the step itself."""
        if step.first:
            delivered = not got
        elif len(got) == 1:
            delivered = got[0][0] == "raised" and isinstance(got[0][1], self.adapter.CancelledError)
        else:
            return step.base
        return step.clause if delivered is not step.cancelled else step.base

    def judge_delivery(self, f, step, entry, was):
        kind, payload = entry
        if step.first:
            return
        if step.cancelled:
            cancelled = kind == "raised" and isinstance(payload, self.adapter.CancelledError)
            self.expect(self.blamed(step, [entry]), cancelled,
                        lambda: f"the coroutine of a task ({was}), with a cancellation request, {self.shown([entry])}; "
                                f"expected its await to raise {class_name(self.adapter.CancelledError)}")
            if step.checks_message:
                expected = () if step.message is None else (step.message,)
                self.expect("TASK-CANCEL-3", payload.args == expected,
                            lambda: f"the CancelledError the coroutine received has args "
                                    f"({', '.join(show(arg) for arg in payload.args)}); expected the cancellation "
                                    f"message: args == {expected!r}")
            return
        order = step.order
        if order.kind == "raise":
            self.expect(self.blamed(step, [entry]), kind == "raised" and payload is order.value,
                        lambda: f"the coroutine's await {self.shown([entry])}; expected it to raise the exception "
                                "the awaited future was completed with")
        else:
            self.expect(self.blamed(step, [entry]), kind == "returned" and payload is order,
                        lambda: f"the coroutine's await {self.shown([entry])}; expected it to return the awaited "
                                "future's result")

    @staticmethod
    def shown(entries):
        return ", then ".join("started" if kind == "start" else f"{kind} {show(payload)} at its await"
                              for kind, payload in entries)

    @staticmethod
    def expected(step):
        if not step.starts:
            return "none of its code to run (the task is cancelled before its first step)"
        if step.first:
            return "its first step"
        return "its await to raise CancelledError" if step.cancelled else "one step"

    @judged
    def judge_callbacks(self, f, due, early, ran):
        """The callbacks due at this iteration ran, in registration order; so may the callbacks of a task completed
        in this iteration, on a loop that runs what an iteration schedules (uvloop), but never inside the step."""
        expected = due + early
        for probe in dict.fromkeys(ran):
            self.expect("TASK-CB-1", any(probe is p for p in expected),
                        f"a {probe.kind} callback ran at a loop iteration it was not due (already run, or the task "
                        "unfinished)")
            self.expect("TASK-CB-1", not any(call["in_step"] for call in probe.calls),
                        f"a {probe.kind} callback ran synchronously, inside the step that completed the task")
        for position, probe in enumerate(dict.fromkeys(expected), 1):
            self.expect("TASK-CB-1", len(probe.calls) > 0,
                        f"callback #{position} ({probe.kind}) had not run at the loop iteration after the task "
                        "completed")
            self.judge_calls(probe, position)
            self.judge_reentry(f, probe, position)
        self.judge_order("TASK-CB-1", ran, expected)

    @judged
    def judge_awaiters(self, f):
        """TASK-AWAIT-1, as for any future of the loop; and a task awaiting this one never resumes while it is
        pending."""
        if not f.model.done:
            for awaiter, _ in f.awaiters:
                self.expect("TASK-AWAIT-1", not awaiter.done(), "a task awaiting the task resumed while it was pending")
        super().judge_awaiters(f)

    # -- teardown -------------------------------------------------------------------------------------------------

    @judged
    def finish(self, f):
        """Cancel an unfinished task for good: its coroutine lets the CancelledError propagate."""
        if f.future is not None and not f.model.done:
            self.plan(f=f, reaction="propagate")
            self.cancel(f=f, msg=None)

    def abandon(self):
        """Let every coroutine end at the CancelledError it gets, and cancel every task."""
        super().abandon()
        for f in self.tracked:
            if f.script is not None:
                f.script.on_cancel = Order("propagate")
            if f.future is not None:
                f.future.cancel()

    def closing(self):
        super().closing()
        for f in self.tracked:  # a faulty task may have left its coroutine unstarted or suspended
            if f.coroutine is not None:
                f.coroutine.close()
