"""The rest of a task's life (spec/tasks.md §7), one short story per example: a coroutine that cancels its own task
and then awaits, or returns at once; a coroutine that raises CancelledError nobody requested; one that awaits a
future of another loop; one that raises KeyboardInterrupt (which must leave the loop's run); a task's names.

Each story is a fixed coroutine on the machine's loop, run one iteration at a time (loop_machine.py); the machine
judges what the coroutine saw and how the task ended once it settled. The task's main machine (machine.py) models
requests made from outside the task; these stories are the ones only the coroutine itself can tell.
"""
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule

from ..judging import judged, opening, show
from ..loop_machine import LoopMachine, run_once

STORIES = ("self-cancel-await", "self-cancel-return", "raise-cancelled", "other-loop", "keyboard-interrupt", "names")
CLAUSES = {"self-cancel-await": "TASK-LIFE-1", "self-cancel-return": "TASK-LIFE-1", "raise-cancelled": "TASK-LIFE-2",
           "other-loop": "TASK-LIFE-3", "keyboard-interrupt": "TASK-LIFE-4", "names": "TASK-NAME-1"}
MAX_ITERATIONS = 4


class Story:
    def __init__(self, kind, gate, cancelled_error):
        self.kind, self.gate, self.CancelledError = kind, gate, cancelled_error
        self.task = None  # set before the first step: the coroutine cancels its own task through it
        self.started = False
        self.cancel_returned = None
        self.received = []  # what the await gave: "cancelled" or "returned"
        self.own = cancelled_error("raised by the coroutine, nobody asked")
        self.interrupt = KeyboardInterrupt("raised by the coroutine")
        self.value = object()
        self.foreign = None  # a pending future of another loop


async def told(story):
    story.started = True
    if story.kind == "raise-cancelled":
        raise story.own
    if story.kind == "names":
        return story.value
    if story.kind == "keyboard-interrupt":
        raise story.interrupt
    if story.kind == "other-loop":
        try:
            await story.foreign
        except RuntimeError:
            story.received.append("RuntimeError")
            return story.value
        except BaseException as error:  # judged: only RuntimeError is right
            story.received.append(error)
            raise
        story.received.append("returned")
        return story.value
    story.cancel_returned = story.task.cancel()
    if story.kind == "self-cancel-return":
        return story.value
    try:
        await story.gate
    except story.CancelledError:
        story.received.append("cancelled")
        raise
    story.received.append("returned")
    return story.value


class TaskLifeMachine(LoopMachine):
    LOOP_CLAUSE = "TASK-LIFE-1"
    CLOSING_ITERATIONS = 2
    futures = new_future = None  # no bundle of futures: tour.take passes the steps their arguments alone

    def __init__(self):
        super().__init__()
        self.story = None
        self.judged_story = False
        self.other_loop = None
        self.interrupted = None  # what running the loop raised in the keyboard-interrupt story

    @property
    def started(self):
        return self.story is not None and self.story.task is not None and not self.loop_broken and not self.failing

    @initialize(kind=st.sampled_from(STORIES))
    @opening
    def start(self, kind):
        clause = CLAUSES[kind]
        self.story = Story(kind, self.adapter.new_future(self.loop), self.adapter.CancelledError)
        if kind == "other-loop":
            made = self.watchdog.call("the adapter's new_loop()", self.adapter.new_loop, kind=clause)
            self.expect(clause, not made.raised, lambda: f"a second loop: the adapter's new_loop() {made.describe()}")
            self.other_loop = made.value
            self.story.foreign = self.adapter.new_future(self.other_loop)
        made = self.call(None, "the adapter's new_task()", clause, self.adapter.new_task, self.loop, told(self.story))
        self.expect(clause, not made.raised and made.value is not None,
                    lambda: f"the adapter's new_task() {made.describe()}")
        self.story.task = made.value
        if kind == "names":
            self.judge_names()

    @precondition(lambda self: self.started and not self.closed)
    @rule()
    @judged
    def settle(self):
        """Run the loop until the task is done (bounded), then judge the story."""
        for _ in range(MAX_ITERATIONS):
            if self.loop_broken or self.failing or self.story.task.done():
                break
            if self.story.kind == "keyboard-interrupt":
                self.interrupting()
            else:
                self.iterate()
        if not self.loop_broken and not self.failing:
            self.expect(CLAUSES[self.story.kind], self.story.task.done(),
                        lambda: f"the task of the {self.story.kind} story is still pending after {MAX_ITERATIONS} "
                                f"loop iterations (its coroutine got {self.story.received or 'nothing'})")
        self.judge()

    def interrupting(self):
        """One iteration that must raise the coroutine's KeyboardInterrupt out of the loop."""
        iteration = self.call(None, "one loop iteration", "TASK-LIFE-4", run_once, self.loop)
        self.iterations += 1
        if iteration.raised:
            self.interrupted = iteration.error

    def judge(self):
        story, task = self.story, self.story.task
        if self.judged_story or not task.done():
            return
        self.judged_story = True
        clause = CLAUSES[story.kind]
        cancelled = self.call(None, "cancelled() of the task", clause, task.cancelled)
        if story.kind == "keyboard-interrupt":
            error = self.call(None, "exception() of the task", clause, task.exception)
            self.expect(clause, self.interrupted is story.interrupt and error.value is story.interrupt,
                        lambda: f"a coroutine raised KeyboardInterrupt: running the loop raised "
                                f"{show(self.interrupted) if self.interrupted else 'nothing'}, and exception() of the "
                                f"task {error.describe()}; expected that very KeyboardInterrupt both times")
        elif story.kind == "other-loop":
            self.expect(clause, story.received == ["RuntimeError"],
                        lambda: f"a coroutine awaiting a pending future of another loop got "
                                f"{story.received or 'nothing'} there; expected RuntimeError")
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

    def closing(self):
        super().closing()
        if self.other_loop is not None:
            self.other_loop.close()
