"""The rest of a task's life (spec/tasks.md §7–8), one short story per example: a coroutine that cancels its own task
and then awaits, or returns at once; one that raises CancelledError nobody requested; one that awaits a future of
another loop, or its own task, or yields what a task cannot wait for; one that raises KeyboardInterrupt or SystemExit
(which must leave the loop's run); a task's names, the current task and all_tasks(); the context its steps run in;
a task made eagerly (3.12+); a task collected while pending.

Each story is a fixed coroutine (stories.py) on the machine's loop, run one iteration at a time (loop_machine.py);
the machine judges what the coroutine saw and how the task ended once it settled. The task's main machine
(machine.py) models requests made from outside the task; these stories are the ones only the coroutine itself can
tell. A story whose clause does not apply (its Python version, a capability the adapter lacks) is not told.
"""
import asyncio
import contextvars

from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from ..collecting import collect, weak
from ..loop_machine import LoopMachine, run_once
from .stories import INTERRUPTS, VAR, Story, awaiting_own_future, eager_maker, told

CLAUSES = {"self-cancel-await": "TASK-LIFE-1", "self-cancel-return": "TASK-LIFE-1", "raise-cancelled": "TASK-LIFE-2",
           "other-loop": "TASK-LIFE-3", "keyboard-interrupt": "TASK-LIFE-4", "system-exit": "TASK-LIFE-4",
           "names": "TASK-NAME-1", "current-task": "TASK-LIFE-5", "collected": "TASK-LIFE-6",
           "await-self": "TASK-LIFE-7", "bad-yield": "TASK-LIFE-8", "future-yield": "TASK-LIFE-8",
           "bare-yield": "TASK-LIFE-9", "copied-context": "TASK-CONTEXT-1", "given-context": "TASK-CONTEXT-2",
           "eager-return": "TASK-EAGER-1", "eager-await": "TASK-EAGER-1"}
STORIES = tuple(CLAUSES)
NEEDS = {"given-context": "context", "eager-return": "eager", "eager-await": "eager"}  # the adapter's capability
REFUSED = {"other-loop": "a pending future of another loop", "await-self": "its own task",
           "bad-yield": "a yield of 42", "future-yield": "a bare yield of a pending future"}
MAX_ITERATIONS = 4


class TaskLifeMachine(LoopMachine):
    LOOP_CLAUSE = "TASK-LIFE-1"
    CLOSING_ITERATIONS = 2
    futures = new_future = None  # no bundle of futures: tour.take passes the steps their arguments alone

    def __init__(self):
        super().__init__()
        self.story = None
        self.begun = False
        self.judged_story = False
        self.other_loop = None
        self.interrupted = None  # what running the loop raised in the keyboard-interrupt and system-exit stories
        self.done_at = None  # the story's iterations when its task was first seen done
        self.outside = []  # TASK-LIFE-5: (current_task() is the task, the task in all_tasks()) between steps
        self.dropped = None  # TASK-LIFE-6: (weak reference, id) of the task dropped while pending

    @property
    def started(self):
        return self.begun and not self.loop_broken and not self.failing

    @initialize(kind=st.sampled_from(STORIES))
    @opening
    def start(self, kind):
        clause = CLAUSES[kind]
        if not self.applies(clause) or NEEDS.get(kind, "task") not in {"task", *self.adapter.capabilities}:
            return  # a story of another Python version, or of a capability the adapter lacks
        self.story = Story(kind, self.loop, self.adapter.new_future(self.loop), self.adapter.CancelledError)
        if kind == "collected":
            return self.drop_pending()
        if kind.startswith("eager"):
            self.begun = True  # the story's task is made eagerly by a task of the loop's own, at the first step
            self.loop.create_task(eager_maker(self.story, lambda coro: self.adapter.new_task(self.loop, coro,
                                                                                             eager=True)))
            return
        if kind == "other-loop":
            made = self.watchdog.call("the adapter's new_loop()", self.adapter.new_loop, kind=clause)
            self.expect(clause, not made.raised, lambda: f"a second loop: the adapter's new_loop() {made.describe()}")
            self.other_loop = made.value
            self.story.foreign = self.adapter.new_future(self.other_loop)
        made = self.call(None, "the adapter's new_task()", clause, *self.making(kind))
        self.expect(clause, not made.raised and made.value is not None,
                    lambda: f"the adapter's new_task() {made.describe()}")
        self.story.task = made.value
        self.begun = True
        if kind == "names":
            self.judge_names()
        if kind == "current-task":
            self.look_between_steps()

    def making(self, kind):
        """The call that makes the story's task: in a context of the story's own for the context stories."""
        coro = told(self.story)
        if kind not in ("copied-context", "given-context"):
            return self.adapter.new_task, self.loop, coro
        self.story.context = contextvars.Context()
        self.story.context.run(VAR.set, "set by the creator" if kind == "copied-context" else "given")
        if kind == "copied-context":
            return self.story.context.run, self.adapter.new_task, self.loop, coro
        return (lambda: self.adapter.new_task(self.loop, coro, context=self.story.context)),

    @precondition(lambda self: not self.closed)  # always one rule to take, even for a story not told
    @rule()
    @judged
    def settle(self):
        """Run the loop until the task is done (bounded), then judge the story."""
        story = self.story
        if not self.started:
            return
        for iteration in range(1, MAX_ITERATIONS + 1):
            if self.loop_broken or self.failing or (story.task is not None and story.task.done()):
                break
            if story.kind in INTERRUPTS:
                self.interrupting()
            else:
                self.iterate()
            if story.task is not None and story.task.done() and self.done_at is None:
                self.done_at = iteration
            if story.kind == "current-task" and not story.task.done():
                self.look_between_steps()
        if not self.loop_broken and not self.failing:
            self.expect(CLAUSES[story.kind], story.task is not None and story.task.done(),
                        lambda: f"the task of the {story.kind} story is still pending after {MAX_ITERATIONS} "
                                f"loop iterations (its coroutine got {story.received or 'nothing'})")
        self.judge()

    def interrupting(self):
        """One iteration that must raise the coroutine's KeyboardInterrupt or SystemExit out of the loop."""
        iteration = self.call(None, "one loop iteration", "TASK-LIFE-4", run_once, self.loop)
        self.iterations += 1
        if iteration.raised:
            self.interrupted = iteration.error

    def look_between_steps(self):
        """TASK-LIFE-5, from outside the loop's run: the task is not the current task, and is among all_tasks()."""
        task = self.story.task
        current = self.call(None, "asyncio.current_task(loop)", "TASK-LIFE-5", asyncio.current_task, self.loop)
        every = self.call(None, "asyncio.all_tasks(loop)", "TASK-LIFE-5", asyncio.all_tasks, self.loop)
        self.outside.append((current.value is task, not every.raised and task in every.value))

    def judge(self):
        story, task = self.story, self.story.task
        eager = story.kind.startswith("eager")
        if self.judged_story or (task is None and not eager) or (task is not None and not task.done()):
            return
        self.judged_story = True
        if eager:
            return self.judge_eager()
        clause = CLAUSES[story.kind]
        cancelled = self.call(None, "cancelled() of the task", clause, task.cancelled)
        if story.kind in INTERRUPTS:
            self.judge_interrupt(clause, task)
        elif story.kind in REFUSED:
            self.expect(clause, story.received == ["RuntimeError"],
                        lambda: f"a coroutine awaiting {REFUSED[story.kind]} got {story.received or 'nothing'} "
                                "there; expected RuntimeError at its next step")
        elif story.kind == "bare-yield":
            self.expect(clause, story.received == ["callback", ("resumed", None)] and self.done_at <= 2,
                        lambda: f"a coroutine that scheduled a callback, then yielded None, saw {story.received} "
                                f"(its task done at loop iteration {self.done_at}); expected the callback to run "
                                "first, then the yield to return None, by the next iteration")
        elif story.kind == "current-task":
            self.judge_current(clause, task)
        elif story.kind.endswith("context"):
            self.judge_context(clause)
        elif story.kind == "raise-cancelled":
            read = self.call(None, "result() of the task", clause, task.result)
            self.expect(clause, cancelled.value is True and isinstance(read.error, self.adapter.CancelledError),
                        lambda: f"a task whose coroutine raised CancelledError nobody requested: cancelled() "
                                f"{cancelled.describe()}, result() {read.describe()}; expected True and CancelledError")
            if hasattr(task, "cancelling"):  # 3.11+
                count = self.call(None, "cancelling() of the task", clause, task.cancelling)
                self.expect(clause, count.value == 0,
                            lambda: f"cancelling() of that task {count.describe()}; expected 0: nobody asked")
        elif story.kind != "names":
            self.judge_self_cancel(clause, cancelled)

    def judge_interrupt(self, clause, task):
        error = self.call(None, "exception() of the task", clause, task.exception)
        name = type(self.story.interrupt).__name__
        self.expect(clause, self.interrupted is self.story.interrupt and error.value is self.story.interrupt,
                    lambda: f"a coroutine raised {name}: running the loop raised "
                            f"{show(self.interrupted) if self.interrupted else 'nothing'}, and exception() of the "
                            f"task {error.describe()}; expected that very {name} both times")

    def judge_self_cancel(self, clause, cancelled):
        story = self.story
        how = "then awaited a pending future" if story.kind == "self-cancel-await" else "then returned at once"
        self.expect(clause, story.cancel_returned is True,
                    lambda: f"cancel() of its own task, from its coroutine, returned {show(story.cancel_returned)};"
                            " expected True")
        if story.kind == "self-cancel-await":
            self.expect(clause, story.received == ["cancelled"],
                        lambda: f"a coroutine that cancelled its own task, then awaited a pending future, got "
                                f"{story.received or 'nothing'} there; expected CancelledError")
        self.expect(clause, cancelled.value is True,
                    lambda: f"a task whose coroutine cancelled it, {how}, ended with cancelled() "
                            f"{cancelled.describe()}; expected True")

    def judge_current(self, clause, task):
        seen = [(step["current"], step["all"]) for step in self.story.seen]
        self.expect(clause, seen == [(True, True)] * 2,
                    lambda: f"inside its two steps, (current_task() is the task, the task in all_tasks()) were "
                            f"{seen}; expected (True, True) in each")
        self.expect(clause, all(outside == (False, True) for outside in self.outside),
                    lambda: f"between its steps (the loop not running), (current_task() is the task, the task in "
                            f"all_tasks()) were {self.outside}; expected (False, True) each time")
        every = self.call(None, "asyncio.all_tasks(loop)", clause, asyncio.all_tasks, self.loop)
        self.expect(clause, not every.raised and task not in every.value,
                    lambda: f"once the task was done, all_tasks(loop) {every.describe()} still holds it")

    def judge_context(self, clause):
        story = self.story
        first = "set by the creator" if story.kind == "copied-context" else "given"
        seen = [step["var"] for step in story.seen]
        self.expect(clause, seen == [first, "set by the task"],
                    lambda: f"the task's two steps saw the context variable as {seen}; expected {first!r}, then the "
                            "value its first step set")
        left = story.context[VAR]
        expected = first if story.kind == "copied-context" else "set by the task"
        self.expect(clause, left == expected,
                    lambda: f"after the task, the {'creator' if expected == first else 'given'} context holds "
                            f"{left!r}; expected {expected!r}"
                            + (": the task runs in a copy" if expected == first else ": the task runs in it"))

    def judge_eager(self):
        story, seen = self.story, self.story.eager
        clause = "TASK-EAGER-1"
        self.expect(clause, "error" not in seen and story.task is not None,
                    lambda: f"the adapter's new_task(eager=True), from a running task, "
                            f"{'raised ' + show(seen['error']) if 'error' in seen else 'was never called'}")
        returning = story.kind == "eager-return"
        expected = {"started": True, "done": returning, "current_after": True}
        got = {key: seen.get(key) for key in expected}
        self.expect(clause, got == expected and seen.get("current_inside") is story.task,
                    lambda: f"an eager task whose coroutine {'returns at once' if returning else 'awaits'}: when the "
                            f"call that made it returned, {got}, and inside its first step current_task() was "
                            f"{'the task' if seen.get('current_inside') is story.task else 'not the task'}; expected "
                            f"{expected} and the task")
        if returning and story.task.done():
            read = self.call(None, "result() of the eager task", clause, story.task.result)
            self.expect(clause, read.value is story.value,
                        lambda: f"result() of an eager task whose coroutine returned {read.describe()}")

    def drop_pending(self):
        """TASK-LIFE-6: a task awaiting a future only its coroutine holds, started, then dropped and collected."""
        clause = "TASK-LIFE-6"
        made = self.call(None, "the adapter's new_task()", clause, self.adapter.new_task, self.loop,
                         awaiting_own_future(self.adapter.new_future, self.loop))
        if made.raised or made.value is None:
            return  # making tasks is judged by the other stories
        self.dropped = (weak(made.value), id(made.value))
        del made
        self.iterate()
        mark = len(self.loop_errors)
        alive, identity = self.dropped
        reports = lambda: [c for c in self.loop_errors[mark:] if id(c.get("task")) == identity]  # noqa: E731
        self.call(None, "gc.collect()", clause, lambda: collect(alive, until=reports))
        reports = reports()
        if not reports and (alive is None or alive() is not None):
            return  # kept alive by the implementation (or it cannot be watched): nothing to judge
        self.expect(clause, len(reports) == 1,
                    lambda: f"a task collected while pending was reported to the loop's exception handler "
                            f"{len(reports)} time(s); expected once, with the task")

    def judge_names(self):
        task = self.story.task
        name = self.call(None, "get_name() of a new task", "TASK-NAME-1", task.get_name)
        self.expect("TASK-NAME-1", isinstance(name.value, str),
                    lambda: f"get_name() of a new task {name.describe()}; expected a str")
        for value, expected in (("futurespec", "futurespec"), (42, "42")):
            self.call(None, f"set_name({value!r})", "TASK-NAME-1", task.set_name, value)
            name = self.call(None, "get_name()", "TASK-NAME-1", task.get_name)
            self.expect("TASK-NAME-1", name.value == expected,
                        lambda: f"after set_name({value!r}), get_name() {name.describe()}; expected {expected!r}")

    def teardown(self):
        try:
            if self.started:
                self.settle()
        finally:
            self.close_loop()

    def abandon(self):
        if self.story is not None and self.story.task is not None:
            self.story.task.cancel()
        kept = self.dropped[0]() if self.dropped and self.dropped[0] else None
        if kept is not None:
            kept.cancel()

    def closing(self):
        super().closing()
        if self.other_loop is not None:
            self.other_loop.close()
