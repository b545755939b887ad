"""The conformance machine for the asyncio profile (spec/asyncio.md).

The machine owns an event loop and advances it explicitly, one iteration at a time, on the watchdog's driver
thread: "no callback has run yet" and "every callback ran at the next iteration" are exact observations, with no
wall-clock waiting. Awaiting is checked with real tasks of the loop that await the future under test.
"""
import contextvars
import dataclasses
import itertools
import sys

from hypothesis import strategies as st
from hypothesis.stateful import rule

from .model import AioModel, AioState, refusal
from ..judging import JudgingMachine, class_name, judged, show
from ..loops import open_loop, run_once
from ..probes import CallbackError
from ..watchdog import Hang

RESULTS = ("object", "None", "exception-as-value", "the-future-itself")
EXCEPTIONS = ("ValueError", "KeyboardInterrupt", "CancelledError", "class:ValueError", "StopIteration",
              "StopIteration-subclass", "not-an-exception")
WRAPPED = ("StopIteration", "StopIteration-subclass") if sys.version_info >= (3, 13) else ()  # AIO-SET-5


class StopIterationSubclass(StopIteration):
    """Up to 3.12 only the exact StopIteration class is refused (AIO-SET-4); from 3.13 any is wrapped (AIO-SET-5)."""
MESSAGES = (None, "why", "another reason")
CALLBACK_KINDS = ("record", "twice", "raise", "reenter", "context")
READ_METHODS = ("result", "exception")
PROBE_VAR = contextvars.ContextVar("futurespec_probe", default=None)


class LoopProbe:
    """A done-callback for a loop-bound future: records its thread, argument and contextvars context; `raise`
    raises, `reenter` looks at the future from inside (AIO-CB-6), `context` is registered with context=."""

    _tags = itertools.count(1)

    def __init__(self, kind, future, journal):
        self.kind = kind
        self.future = future
        self.journal = journal
        self.tag = f"probe-{next(self._tags)}"
        self.calls = []
        self.inside = False
        self.removed = False
        self.registrations = 2 if kind == "twice" else 1

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


async def _await_outcome(future):
    try:
        return ("returns", await future)
    except BaseException as error:  # the outcome may be any exception
        return ("raises", error)


class AioTracked:
    def __init__(self, future):
        self.future = future
        self.model = AioModel()
        self.queued = []  # probes registered while PENDING, in registration order (with repeats)
        self.all = []  # every probe ever registered
        self.awaiters = []  # (task, iteration it was created in)
        self.completed_at = None  # the loop iteration count when it completed
        self.retired = False

    @property
    def probes(self):
        return self.all


class AioFutureMachine(JudgingMachine):
    REENTRY_CLAUSE = "AIO-CB-6"
    futures = JudgingMachine.futures

    def __init__(self):
        super().__init__()
        self.journal = []  # every probe call, in order
        self.scheduled = []  # probes due at the next loop iteration, in order
        self.iterations = 0
        self.loop_errors = []
        self.loop_broken = False
        self.loop = open_loop(self.adapter, self.watchdog, self._on_loop_error)

    def _on_loop_error(self, loop, context):
        self.loop_errors.append(context)

    # -- observing ------------------------------------------------------------------------------------------------

    def no_callback_ran(self, what, mark):
        self.expect("AIO-CB-1", len(self.journal) == mark,
                    lambda: f"{what} ran a callback synchronously; callbacks must wait for the loop")

    def judge_read(self, read, value, error, what):
        """As in every profile, and a cancelled future's CancelledError carries the cancellation message."""
        super().judge_read(read, value, error, what)
        if read.message is not None:
            self.expect("AIO-CANCEL-3", getattr(error, "args", None) == (read.message,),
                        lambda: f"{what} raised {show(error)} with args {show(getattr(error, 'args', None))}; "
                                f"expected the cancellation message: args == ({read.message!r},)")

    # -- creating futures -----------------------------------------------------------------------------------------

    Tracked = AioTracked

    def new_future_arguments(self):
        return (self.loop,)

    def check_new(self, f):
        loop = self.call(f, "get_loop()", "AIO-LOOP-1", f.future.get_loop)
        self.expect("AIO-LOOP-1", not loop.raised and loop.value is self.loop,
                    lambda: f"get_loop() {loop.describe()}; expected the loop the future was created for")

    # -- completing and cancelling --------------------------------------------------------------------------------

    @rule(f=futures, msg=st.sampled_from(MESSAGES))
    @judged
    def cancel(self, f, msg):
        args = () if msg is None else (msg,)
        self.transition(f, "cancel", args, f"cancel({'' if msg is None else repr(msg)})",
                        lambda model: setattr(model, "cancel_message", msg))

    @rule(f=futures, result=st.sampled_from(RESULTS))
    @judged
    def set_result(self, f, result):
        value = {"object": object, "None": lambda: None, "the-future-itself": lambda: f.future,
                 "exception-as-value": lambda: ValueError("a result, not an error")}[result]()
        self.transition(f, "set_result", (value,), f"set_result({result!r})",
                        lambda model: setattr(model, "result", value))

    @rule(f=futures, exception=st.sampled_from(EXCEPTIONS))
    @judged
    def set_exception(self, f, exception):
        argument = {"ValueError": lambda: ValueError("set by futurespec"), "KeyboardInterrupt": KeyboardInterrupt,
                    "CancelledError": self.adapter.CancelledError, "class:ValueError": lambda: ValueError,
                    "StopIteration": lambda: StopIteration("set by futurespec"),
                    "StopIteration-subclass": lambda: StopIterationSubclass("set by futurespec"),
                    "not-an-exception": lambda: 42}[exception]()
        what = f"set_exception({exception!r})"
        refused = refusal(exception) if not f.model.done else None
        if refused:
            mark = len(self.journal)
            call = self.call(f, what, refused.clause, f.future.set_exception, argument)
            self.no_callback_ran(what, mark)
            self.expect(refused.clause, isinstance(call.error, self.role(refused.raises)),
                        lambda: f"{what} on a PENDING future {call.describe()}; expected {refused.raises}")
            self.check_state(f, f"after {what} {call.describe()}", [refused.clause])
            return
        completes = not f.model.done
        self.transition(f, "set_exception", (argument,), what, lambda model: setattr(model, "exception", argument))
        if completes and (exception == "class:ValueError" or exception in WRAPPED):
            self.learn_stored_exception(f, exception, argument)

    def learn_stored_exception(self, f, kind, argument):
        """A class is instantiated (AIO-SET-3); from 3.13 a StopIteration is wrapped (AIO-SET-5). Read what was
        stored, check it, and make it the model's outcome."""
        call = self.call(f, "exception()", "AIO-RESULT-1", f.future.exception)
        stored = call.value
        if kind == "class:ValueError":
            self.expect("AIO-SET-3", not call.raised and type(stored) is ValueError,
                        lambda: f"after set_exception(ValueError), exception() {call.describe()}; expected a new "
                                "ValueError instance")
        else:
            self.expect("AIO-SET-5", not call.raised and isinstance(stored, RuntimeError)
                        and stored.__cause__ is argument,
                        lambda: f"after set_exception(StopIteration(...)), exception() {call.describe()}; expected "
                                "a RuntimeError caused by that StopIteration")
        f.model.exception = stored

    def transition(self, f, name, args, what, record_outcome):
        step = f.model.step(name)
        before = f.model.state
        mark = len(self.journal)
        call = self.call(f, what, step.clause, getattr(f.future, name), *args)
        self.no_callback_ran(what, mark)
        if step.raises is None:
            self.expect(step.clause, not call.raised and call.value is step.returns,
                        lambda: f"{what} on a {before.value} future {call.describe()}; expected it to return "
                                f"{show(step.returns)}")
        else:
            self.expect(step.clause, isinstance(call.error, self.role(step.raises)),
                        lambda: f"{what} on a {before.value} future {call.describe()}; expected "
                                f"{class_name(self.role(step.raises))}")
        if step.completes:
            f.model.state = step.next
            record_outcome(f.model)
            f.completed_at = self.iterations
            self.scheduled.extend(f.queued)
            f.queued = []
        blame = [step.clause, "CORE-STATE-2"] if before is not AioState.PENDING else [step.clause]
        self.check_state(f, f"after {what} {call.describe()} on a {before.value} future", blame)

    # -- consumer side --------------------------------------------------------------------------------------------

    @rule(f=futures, method=st.sampled_from(READ_METHODS))
    @judged
    def read(self, f, method):
        read = f.model.read(method)
        mark = len(self.journal)
        call = self.call(f, f"{method}()", read.clause, getattr(f.future, method))
        self.no_callback_ran(f"{method}()", mark)
        self.judge_read(read, call.value, call.error, f"{method}() on a {f.model.state.value} future")

    @rule(f=futures, kind=st.sampled_from(CALLBACK_KINDS))
    @judged
    def add_done_callback(self, f, kind):
        probe = LoopProbe(kind, f.future, self.journal)
        what = f"add_done_callback(<{kind} callback>{', context=...' if kind == 'context' else ''})"
        mark = len(self.journal)
        clause_id = "AIO-CB-3" if kind == "context" else "AIO-CB-2"
        call = self.call(f, what, clause_id, probe.register, f.future.add_done_callback)
        self.expect(clause_id, not call.raised, lambda: f"{what} {call.describe()}")
        self.no_callback_ran(what, mark)
        f.all.append(probe)
        (self.scheduled if f.model.done else f.queued).extend([probe] * probe.registrations)

    @rule(f=futures, kind=st.sampled_from(CALLBACK_KINDS))
    @judged
    def remove_done_callback(self, f, kind):
        """Remove the last callback of that kind registered while PENDING (all its registrations), or, if there is
        none, a function never registered."""
        if f.model.done:
            return
        probe = next((p for p in reversed(f.queued) if p.kind == kind), None) or \
            LoopProbe(kind, f.future, self.journal)
        expected = f.queued.count(probe)
        call = self.call(f, "remove_done_callback()", "AIO-CB-4", f.future.remove_done_callback, probe)
        self.expect("AIO-CB-4", not call.raised and call.value == expected,
                    lambda: f"remove_done_callback() of a callback registered {expected} time(s) "
                            f"{call.describe()}; expected {expected}")
        probe.removed = True
        f.queued = [p for p in f.queued if p is not probe]

    @rule(f=futures)
    @judged
    def await_in_task(self, f):
        call = self.call(f, "loop.create_task(await future)", "AIO-AWAIT-1", self.loop.create_task,
                         _await_outcome(f.future))
        self.expect("AIO-AWAIT-1", not call.raised, lambda: f"creating a task that awaits the future "
                                                            f"{call.describe()}")
        f.awaiters.append((call.value, self.iterations))

    @rule(f=futures)
    @judged
    def observe(self, f):
        self.check_state(f, "observed between operations", ["CORE-STATE-2"] if f.model.done else [])

    # -- the loop -------------------------------------------------------------------------------------------------

    @rule()
    def run_loop_once(self):
        """Advance the loop one iteration; every callback due must have run, in order, and no other."""
        if self.loop_broken:
            return
        due, self.scheduled = self.scheduled, []
        mark, errors = len(self.journal), len(self.loop_errors)
        try:
            iteration = self.watchdog.call("one loop iteration", run_once, self.loop, kind="AIO-CB-2")
        except Hang as hang:
            self.loop_broken = True
            inside = [t for t in self.tracked if any(p.inside for p in t.all)]
            self.fail("AIO-CB-6" if inside else "AIO-CB-2", f"{hang}: a callback of the future deadlocked it")
        self.iterations += 1
        self.expect("AIO-CB-2", not iteration.raised, lambda: f"running the loop {iteration.describe()}")
        ran = self.journal[mark:]
        for f in self.tracked:
            if f.future is not None:
                self.judge_iteration(f=f, due=[p for p in due if p.future is f.future],
                                     ran=[p for p in ran if p.future is f.future], errors=self.loop_errors[errors:])

    @judged
    def judge_iteration(self, f, due, ran, errors):
        expected = [p for p in due if not p.removed]
        for probe in dict.fromkeys(ran):
            if not any(probe is p for p in expected):
                self.fail("AIO-CB-4" if probe.removed else "CORE-CB-1",
                          f"a {probe.kind} callback ran although it was "
                          + ("removed" if probe.removed else "not due (already run, or the future unfinished)"))
        for position, probe in enumerate(dict.fromkeys(expected), 1):
            self.judge_callback(f, probe, position, errors)
        self.expect("AIO-CB-2", ran == expected,
                    lambda: f"the loop ran the callbacks in the order {[p.kind for p in ran]}; expected registration "
                            f"order {[p.kind for p in expected]}")
        self.passed("CORE-CB-2")
        self.judge_awaiters(f)

    def judge_callback(self, f, probe, position, errors):
        calls = len(probe.calls)
        if calls == 0:
            after_raise = any(p.kind == "raise" and p.calls for p in f.all if p is not probe)
            self.fail("AIO-CB-5" if after_raise else "AIO-CB-2",
                      f"callback #{position} ({probe.kind}) had not run after the loop iteration that followed the "
                      "future's completion" + (" (an earlier callback had raised)" if after_raise else ""))
        self.expect("CORE-CB-1", calls == probe.registrations,
                    lambda: f"callback #{position}, registered {probe.registrations} time(s), ran {calls} time(s)")
        first = probe.calls[0]
        self.expect("CORE-CB-1", first["got_future"], f"callback #{position} was not called with the future")
        self.expect("AIO-CB-3", first["context"] == probe.tag,
                    lambda: f"callback #{position} ({probe.kind}) ran in another context than the one "
                            f"{'passed as context=' if probe.kind == 'context' else 'current at registration'}")
        if probe.kind == "raise":
            self.expect("AIO-CB-5", any(isinstance(c.get("exception"), CallbackError) and
                                        c["exception"].args == (probe.tag,) for c in errors),
                        f"the exception raised by callback #{position} did not reach the loop's exception handler")
        if probe.kind == "reenter":
            self.expect("AIO-CB-6", first["done"] is True,
                        lambda: f"inside callback #{position}, done() returned {show(first['done'])}")
            kind, payload = first["read"]
            value, error = (payload, None) if kind == "returns" else (None, payload)
            self.judge_read(f.model.read("result"), value, error, f"result() inside callback #{position}")

    def judge_awaiters(self, f):
        """AIO-AWAIT-1: a task that was awaiting (or started awaiting) a completed future resumed with the outcome
        at the first iteration after both the task's creation and the completion."""
        if not f.model.done:
            return
        waiting = []
        for task, created in f.awaiters:
            if max(created, f.completed_at) >= self.iterations:
                waiting.append((task, created))
                continue
            self.expect("AIO-AWAIT-1", task.done(),
                        "a task awaiting the future had not resumed at the first loop iteration after it completed")
            kind, payload = task.result()
            value, error = (payload, None) if kind == "returns" else (None, payload)
            read = dataclasses.replace(f.model.read("result"), clause="AIO-AWAIT-1")
            if isinstance(read.raises, StopIteration):
                continue  # implementation-defined (AIO-AWAIT-1): a StopIteration cannot leave a coroutine
            self.judge_read(read, value, error, "await future, in a task,")
        f.awaiters = waiting

    # -- teardown -------------------------------------------------------------------------------------------------

    def teardown(self):
        try:
            if not self.failing and not self.loop_broken:
                for f in self.tracked:
                    self.finish(f=f)
                self.run_loop_once()
                self.run_loop_once()
        finally:
            self.close_loop()

    @judged
    def finish(self, f):
        if f.future is not None and not f.model.done:
            self.cancel(f=f, msg=None)

    def close_loop(self):
        """Unjudged: cancel our tasks and close the loop, so no file descriptor outlives the example."""
        if self.loop_broken:
            return

        def close():
            for f in self.tracked:
                for task, _ in f.awaiters:
                    task.cancel()
            run_once(self.loop)
            self.loop.close()

        try:
            self.watchdog.call("closing the loop", close, kind="release")
        except Hang:
            pass
