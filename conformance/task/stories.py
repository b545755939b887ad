"""The coroutines of the task's life stories (life.py, spec/tasks.md §7–8): each is what one story's task runs, and
records what it saw on its Story, for the machine to judge once the task has settled.

They stay in the suite's own code, never in the implementation's: what a coroutine sees (the current task, its
context, what an `await` or a `yield` gave it) is the observation."""
import asyncio
import contextvars
import types

VAR = contextvars.ContextVar("futurespec_story", default=None)  # what a story's context holds, where
INTERRUPTS = {"keyboard-interrupt": KeyboardInterrupt, "system-exit": SystemExit}


class Story:
    def __init__(self, kind, loop, gate, cancelled_error):
        self.kind, self.loop, self.gate, self.CancelledError = kind, loop, gate, cancelled_error
        self.task = None  # set before the first step: the coroutine cancels (or awaits) its own task through it
        self.started = False
        self.cancel_returned = None
        self.received = []  # what an await or a yield gave: "cancelled", "returned", "RuntimeError", ...
        self.seen = []  # TASK-LIFE-5 and TASK-CONTEXT-*: what each step saw
        self.own = cancelled_error("raised by the coroutine, nobody asked")
        self.interrupt = INTERRUPTS[kind]("raised by the coroutine") if kind in INTERRUPTS else None
        self.value = object()
        self.foreign = None  # a pending future of another loop
        self.eager = {}  # TASK-EAGER-1: what the task that made the eager one saw
        self.context = None  # TASK-CONTEXT-*: the context the task is made in, or given


@types.coroutine
def yielding(value):
    """Hand `value` to the task with a bare `yield` (TASK-LIFE-8/9); what the task sends back is the result."""
    return (yield value)


async def told(story):
    story.started = True
    kind = story.kind
    if kind == "raise-cancelled":
        raise story.own
    if kind == "names":
        return story.value
    if story.interrupt is not None:
        raise story.interrupt
    if kind in ("other-loop", "await-self", "bad-yield", "future-yield"):
        return await refused(story)
    if kind == "bare-yield":  # gives way: a callback scheduled before the yield runs before the coroutine resumes
        story.loop.call_soon(story.received.append, "callback")
        story.received.append(("resumed", await yielding(None)))
        return story.value
    if kind in ("current-task", "copied-context", "given-context"):
        return await two_steps(story)
    story.cancel_returned = story.task.cancel()
    if kind == "self-cancel-return":
        return story.value
    try:
        await story.gate
    except story.CancelledError:
        story.received.append("cancelled")
        raise
    story.received.append("returned")
    return story.value


async def refused(story):
    """An await or a yield the task must refuse with RuntimeError at its next step (TASK-LIFE-3/7/8)."""
    try:
        if story.kind == "other-loop":
            await story.foreign
        elif story.kind == "await-self":
            await story.task
        else:  # a number, or a pending future yielded bare (its _asyncio_future_blocking unset)
            await yielding(42 if story.kind == "bad-yield" else story.gate)
    except RuntimeError:
        story.received.append("RuntimeError")
        return story.value
    except BaseException as error:  # judged: only RuntimeError is right
        story.received.append(error)
        raise
    story.received.append("returned")
    return story.value


async def two_steps(story):
    """Two steps, each recording what it sees (the current task, all_tasks(), the story's context variable); the
    first sets the variable, and the gate is completed by the loop in between."""
    for step in (1, 2):
        story.seen.append({"current": asyncio.current_task(story.loop) is story.task,
                           "all": story.task in asyncio.all_tasks(story.loop), "var": VAR.get()})
        if step == 1:
            VAR.set("set by the task")
            story.loop.call_soon(story.gate.set_result, None)
            await story.gate
    return story.value


async def eager_maker(story, new_task):
    """A task of the loop's own that makes the story's task eagerly (TASK-EAGER-1) and records what it sees."""
    me = asyncio.current_task(story.loop)
    try:
        story.task = new_task(eagerly(story))
    except Exception as error:  # judged: an adapter declaring `eager` must make one
        story.eager["error"] = error
        return
    story.eager.update(started=story.started, done=story.task.done(),
                       current_after=asyncio.current_task(story.loop) is me)


async def eagerly(story):
    story.started = True
    story.eager["current_inside"] = asyncio.current_task(story.loop)
    if story.kind == "eager-await":
        story.loop.call_soon(story.gate.set_result, None)
        await story.gate
    return story.value


async def awaiting_own_future(new_future, loop):
    """TASK-LIFE-6: a task awaiting a future only its coroutine references; dropped, the cycle is garbage."""
    await new_future(loop)
