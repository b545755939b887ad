"""The base of the machines that own an event loop: the asyncio, task and bridge machines.

Each gets the adapter's loop under the watchdog and advances it one iteration at a time, on the watchdog's driver
thread, so "not run yet" and "ran at the next iteration" are exact observations, with no wall-clock waiting. What
they share is here once: opening the loop, running one iteration (a hang breaks the loop for good and becomes a
verdict), closing it; and, for the machines whose futures belong to the loop (asyncio, task), the done-callbacks the
loop runs, the tasks of the loop's own that await those futures, and the judged teardown that finishes them.
"""
import contextvars
import dataclasses
import gc
import itertools
import weakref

from hypothesis import strategies as st
from hypothesis.stateful import rule

from .adapter import AdapterError
from .judging import JudgingMachine, judged, show
from .probes import CallbackError
from .watchdog import Hang

READ_METHODS = ("result", "exception")
PROBE_VAR = contextvars.ContextVar("futurespec_probe", default=None)


def run_once(loop):
    """One run of the loop's ready queue: what `call_soon` scheduled before now, and nothing later."""
    loop.call_soon(loop.stop)
    loop.run_forever()


def watched(value):
    """A weak reference to `value`, or None for an object that takes none (collected() then collects the whole heap)."""
    try:
        return weakref.ref(value)
    except TypeError:
        return None


def collected(alive, reported):
    """Collect garbage until what `alive` refers to is gone or `reported()` (its finalizer told the loop, whose
    exception handler now holds it): the young generations first, the whole heap only if neither (or it cannot be
    watched). A full collection walks every object of the process, the suite's and Hypothesis's: it was most of the
    asyncio profile's run when every check of AIO-LOG-1 made one."""
    gc.collect(1)
    if (alive is None or alive() is not None) and not reported():
        gc.collect()


def value_and_error(observed):
    """(value, error) of an outcome recorded as ("returns", value) or ("raises", error)."""
    kind, payload = observed
    return (payload, None) if kind == "returns" else (None, payload)


async def awaited_outcome(future):
    """What `await future` gives a task, recorded: ("returns", value) or ("raises", error)."""
    try:
        return ("returns", await future)
    except BaseException as error:  # the outcome may be any exception
        return ("raises", error)


class LoopProbe:
    """A done-callback for a future of the loop: records its thread, argument and contextvars context; `raise`
    raises, `reenter` looks at the future from inside, `context` is registered with context=."""

    _tags = itertools.count(1)

    def __init__(self, kind, future, journal):
        self.kind = kind
        self.future = future
        self.journal = journal  # every probe call of the machine, in order
        self.tag = f"probe-{next(self._tags)}"
        self.calls = []
        self.inside = False  # True while a `reenter` probe is calling back into the future
        self.removed = False
        self.registrations = 2 if kind == "twice" else 1  # CORE-CB-1: the same function registered twice runs twice

    def __call__(self, *args):
        call = {"got_future": len(args) == 1 and args[0] is self.future, "context": PROBE_VAR.get()}
        self.calls.append(call)
        self.journal.append(self)
        if self.kind == "raise":
            raise CallbackError(self.tag)
        if self.kind == "reenter":
            self.inside = True
            call["done"] = self.future.done()
            try:
                call["read"] = ("returns", self.future.result())
            except BaseException as error:  # an observation
                call["read"] = ("raises", error)
            self.inside = False

    def register(self, add_done_callback):
        """Register under a context that names this probe, so the call shows which context it ran in."""
        for _ in range(self.registrations):
            if self.kind == "context":
                context = contextvars.Context()
                context.run(PROBE_VAR.set, self.tag)
                add_done_callback(self, context=context)
            else:
                token = PROBE_VAR.set(self.tag)
                try:
                    add_done_callback(self)
                finally:
                    PROBE_VAR.reset(token)


class LoopTracked:
    """One future of the loop under test (a future or a task): the model's view of it, its probes, and the tasks
    that await it. A subclass names the profile's `Model`."""

    Model = None

    def __init__(self, future):
        self.future = future
        self.model = self.Model()
        self.queued = []  # probes registered while PENDING, in registration order (with repeats)
        self.probes = []  # every probe ever registered
        self.awaiters = []  # (a task awaiting it, the number of loop iterations run when that task was created)
        self.completed_at = None  # the number of loop iterations run when it completed
        self.retired = False


class LoopMachine(JudgingMachine):
    """A machine that owns the adapter's event loop: it opens it, runs it one iteration at a time, and closes it.

    A subclass names the clause at stake in every iteration (`LOOP_CLAUSE`), what it ends on the loop before
    closing it (`abandon`), and how many iterations that takes (`CLOSING_ITERATIONS`)."""

    LOOP_CLAUSE = ""  # broken by a loop iteration that hangs or raises
    CLOSING_ITERATIONS = 1  # unjudged, between abandon() and closing the loop

    def __init__(self):
        super().__init__()
        self.iterations = 0  # loop iterations run so far
        self.loop_thread = None  # the thread the last iteration ran in
        self.loop_errors = []  # every context the loop's exception handler got
        self.loop_broken = False  # an iteration hung: the loop is stuck on an abandoned driver thread
        self.closed = False  # close_loop() has run
        self.loop = self.open_loop()

    def open_loop(self):
        """The adapter's new loop, with `on_loop_error` as its exception handler, or one clear AdapterError."""
        try:
            made = self.watchdog.call("the adapter's new_loop()", self.adapter.new_loop, kind="loop")
        except Hang:
            raise AdapterError("the adapter's new_loop() did not return") from None
        if made.raised:
            raise AdapterError(f"the adapter's new_loop() raised {show(made.error)}")
        if made.value is None:
            raise AdapterError("the adapter's new_loop() returned None")
        try:
            handler = self.watchdog.call("set_exception_handler()", made.value.set_exception_handler,
                                         self.on_loop_error, kind="loop")
        except Hang:
            raise AdapterError("the new loop's set_exception_handler() did not return") from None
        if handler.raised:
            raise AdapterError(f"the new loop's set_exception_handler() raised {show(handler.error)}")
        return made.value

    def on_loop_error(self, loop, context):
        """Kept for the machine to judge, and off the user's terminal."""
        self.loop_errors.append(context)

    def iterate(self):
        """Run one loop iteration under the watchdog, from a judged step; return what the loop's exception handler
        got meanwhile. A hang breaks the loop for good: a violation of LOOP_CLAUSE (of REENTRY_CLAUSE if a callback
        was calling back into its future), which, if muted, ends the step."""
        errors = len(self.loop_errors)
        try:
            iteration = self.watchdog.call("one loop iteration", run_once, self.loop, kind=self.LOOP_CLAUSE)
        except Hang as hang:
            self.loop_broken = True
            reentered = next((f for f in self.tracked if any(p.inside for p in f.probes)), None)
            self.deadlocked(reentered, self.LOOP_CLAUSE, f"{hang}: the loop deadlocked")
        self.iterations += 1
        self.loop_thread = iteration.thread
        self.expect(self.LOOP_CLAUSE, not iteration.raised, lambda: f"running the loop {iteration.describe()}")
        return self.loop_errors[errors:]

    def close_loop(self):
        """Unjudged: end what the machine started on the loop and close it, so that no task or file descriptor
        outlives the example. Once; and never after a hang, as the loop is then stuck in an abandoned thread."""
        if self.closed or self.loop_broken:
            return
        self.closed = True
        try:
            self.watchdog.call("closing the loop", self.closing, kind="release")
        except Hang:
            self.loop_broken = True

    def closing(self):
        """On the driver thread: abandon() what the machine started, let the loop act on it, close the loop."""
        self.abandon()
        for _ in range(self.CLOSING_ITERATIONS):
            run_once(self.loop)
        self.loop.close()

    def abandon(self):
        """Cancel the machine's own tasks and coroutines on the loop, so that closing it leaves none pending."""


class LoopFutureMachine(LoopMachine):
    """A LoopMachine whose futures belong to the loop (asyncio futures, tasks): the loop runs their done-callbacks,
    and tasks of the loop's own await them.

    A subclass names what its futures are called in messages (`NOUN`), the clauses broken by a callback run before
    the loop runs (`EAGER_CLAUSE`) and by an awaiting task that misses the outcome (`AWAIT_CLAUSE`); its `cancel`
    rule finishes what is unfinished at teardown, and `SETTLING_ITERATIONS` then let the loop act on it."""

    futures = LoopMachine.futures
    NOUN = "future"
    EAGER_CLAUSE = ""
    AWAIT_CLAUSE = ""
    SETTLING_ITERATIONS = 2

    def __init__(self):
        super().__init__()
        self.journal = []  # every probe call, in order
        self.scheduled = []  # probes due at the next loop iteration, in order

    # -- consumer side ----------------------------------------------------------------------------------------------

    @rule(f=futures, method=st.sampled_from(READ_METHODS))
    @judged
    def read(self, f, method):
        read = f.model.read(method)
        mark = len(self.journal)
        call = self.call(f, f"{method}()", read.clause, getattr(f.future, method))
        self.no_callback_ran(f"{method}()", mark)
        self.judge_read(read, call.value, call.error, f"{method}() on a {f.model.state.value} {self.NOUN}")

    @rule(f=futures)
    @judged
    def observe(self, f):
        self.check_state(f, "observed between operations", ["CORE-STATE-2"] if f.model.done else [])

    # -- callbacks --------------------------------------------------------------------------------------------------

    def register(self, f, probe, what, clause_id):
        """add_done_callback() of `probe`, once per registration: it runs at the next iteration if `f` is done, else
        at the iteration after `f` completes; never synchronously."""
        mark = len(self.journal)
        call = self.call(f, what, clause_id, probe.register, f.future.add_done_callback)
        self.expect(clause_id, not call.raised, lambda: f"{what} {call.describe()}")
        self.no_callback_ran(what, mark)
        f.probes.append(probe)
        (self.scheduled if f.model.done else f.queued).extend([probe] * probe.registrations)

    def no_callback_ran(self, what, mark):
        self.expect(self.EAGER_CLAUSE, len(self.journal) == mark,
                    lambda: f"{what} ran a callback synchronously; callbacks must wait for the loop")

    def completed(self, f):
        """`f` has just completed: the callbacks registered while it was pending are due at the next iteration."""
        f.completed_at = self.iterations
        self.scheduled.extend(f.queued)
        f.queued = []

    def judge_calls(self, probe, position):
        """CORE-CB-1: a callback that ran was called once per registration, with its future."""
        calls = len(probe.calls)
        self.expect("CORE-CB-1", calls == probe.registrations,
                    lambda: f"callback #{position}, registered {probe.registrations} time(s), ran {calls} time(s)")
        self.expect("CORE-CB-1", probe.calls[0]["got_future"],
                    f"callback #{position} was not called with the {self.NOUN}")

    def judge_reentry(self, f, probe, position):
        """A `reenter` callback saw its future done, with the outcome (REENTRY_CLAUSE)."""
        if probe.kind != "reenter":
            return
        first = probe.calls[0]
        self.expect(self.REENTRY_CLAUSE, first["done"] is True,
                    lambda: f"inside callback #{position}, done() returned {show(first['done'])}")
        value, error = value_and_error(first["read"])
        self.judge_read(f.model.read("result"), value, error, f"result() inside callback #{position}")

    def judge_order(self, clause_id, ran, expected):
        self.expect(clause_id, ran == expected,
                    lambda: f"the loop ran the callbacks in the order {[p.kind for p in ran]}; expected registration "
                            f"order {[p.kind for p in expected]}")
        self.passed("CORE-CB-2")

    # -- tasks awaiting a future ------------------------------------------------------------------------------------

    def start_awaiter(self, f):
        """Start a task of the loop's own that awaits `f` (AWAIT_CLAUSE)."""
        call = self.call(f, f"loop.create_task(await {self.NOUN})", self.AWAIT_CLAUSE, self.loop.create_task,
                         awaited_outcome(f.future))
        self.expect(self.AWAIT_CLAUSE, not call.raised,
                    lambda: f"creating a task that awaits the {self.NOUN} {call.describe()}")
        f.awaiters.append((call.value, self.iterations))

    def judge_awaiters(self, f):
        """AWAIT_CLAUSE: a task awaiting `f` resumed with its outcome at the first iteration after both the task's
        creation and f's completion."""
        if not f.model.done:
            return
        waiting = []
        for awaiter, created in f.awaiters:
            if max(created, f.completed_at) >= self.iterations:
                waiting.append((awaiter, created))
                continue
            done = self.call(f, "done() of the awaiting task", self.AWAIT_CLAUSE, awaiter.done)
            self.expect(self.AWAIT_CLAUSE, done.value is True,
                        f"a task awaiting the {self.NOUN} had not resumed at the first loop iteration after it "
                        "completed")
            read = dataclasses.replace(f.model.read("result"), clause=self.AWAIT_CLAUSE)
            if isinstance(read.raises, StopIteration):
                continue  # implementation-defined (AIO-AWAIT-1): a StopIteration cannot leave a coroutine
            outcome = self.call(f, "result() of the awaiting task", self.AWAIT_CLAUSE, awaiter.result)
            self.expect(self.AWAIT_CLAUSE, not outcome.raised,
                        lambda: f"the task awaiting the {self.NOUN} did not return what the await gave: its result() "
                                f"{outcome.describe()}")
            value, error = value_and_error(outcome.value)
            self.judge_read(read, value, error, f"await {self.NOUN}, in a task,")
        f.awaiters = waiting

    # -- teardown ---------------------------------------------------------------------------------------------------

    def teardown(self):
        """Judged, unless the example already failed: finish every unfinished future and let the loop settle. Then,
        unjudged, close the loop."""
        try:
            if not self.failing and not self.loop_broken:
                for f in self.tracked:
                    self.finish(f=f)
                for _ in range(self.SETTLING_ITERATIONS):
                    self.run_loop_once()
        finally:
            self.close_loop()

    @judged
    def finish(self, f):
        """Cancel `f` if it is unfinished, judged like any step."""
        if f.future is not None and not f.model.done:
            self.cancel(f=f, msg=None)

    def abandon(self):
        for f in self.tracked:
            for awaiter, _ in f.awaiters:
                awaiter.cancel()
