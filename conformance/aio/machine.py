"""The conformance machine for the asyncio profile (spec/asyncio.md).

The machine owns an event loop and advances it explicitly, one iteration at a time (see loop_machine.py): "no
callback has run yet" and "every callback ran at the next iteration" are exact observations, with no wall-clock
waiting. Awaiting is checked with real tasks of the loop that await the future under test.
"""
import asyncio
import dataclasses
import sys
import types

from hypothesis import strategies as st
from hypothesis.stateful import rule

from .model import AioModel, AioState, refusal
from ..collecting import collect, weak
from ..judging import class_name, judged, show
from ..loop_machine import LoopFutureMachine, LoopProbe, LoopTracked
from ..probes import CallbackError

RESULTS = ("object", "None", "exception-as-value", "the-future-itself")
EXCEPTIONS = ("ValueError", "KeyboardInterrupt", "CancelledError", "class:ValueError", "StopIteration",
              "StopIteration-subclass", "not-an-exception")
WRAPPED = ("StopIteration", "StopIteration-subclass") if sys.version_info >= (3, 13) else ()  # AIO-SET-5
MESSAGES = (None, "why", "another reason")
CALLBACK_KINDS = ("record", "twice", "raise", "reenter", "context")


BLOCKING = "_asyncio_future_blocking"  # the attribute that tells a Task to wait for the future it was handed
UNINITIALIZED = (("done", ()), ("cancelled", ()), ("result", ()), ("exception", ()), ("cancel", ()),
                 ("set_result", (None,)), ("add_done_callback", (print,)))


def stepped(iterator):
    """One next() of an `__await__()` iterator, recorded: ("yields", x), ("returns", StopIteration.value) or
    ("raises", error)."""
    try:
        return ("yields", next(iterator))
    except StopIteration as stop:
        return ("returns", stop.value)
    except BaseException as error:  # the outcome may be any exception
        return ("raises", error)


class StopIterationSubclass(StopIteration):
    """Up to 3.12 only the exact StopIteration class is refused (AIO-SET-4); from 3.13 any is wrapped (AIO-SET-5)."""


class AioTracked(LoopTracked):
    Model = AioModel


class AioFutureMachine(LoopFutureMachine):
    LOOP_CLAUSE = "AIO-CB-2"
    EAGER_CLAUSE = "AIO-CB-1"
    REENTRY_CLAUSE = "AIO-CB-6"
    AWAIT_CLAUSE = "AIO-AWAIT-1"
    Tracked = AioTracked
    futures = LoopFutureMachine.futures

    def judge_read(self, read, value, error, what):
        """As in every profile, and a cancelled future's CancelledError carries the cancellation message."""
        super().judge_read(read, value, error, what)
        if read.message is not None:
            self.expect("AIO-CANCEL-3", getattr(error, "args", None) == (read.message,),
                        lambda: f"{what} raised {show(error)} with args {show(getattr(error, 'args', None))}; "
                                f"expected the cancellation message: args == ({read.message!r},)")

    # -- creating futures -----------------------------------------------------------------------------------------

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
            self.completed(f)
        blame = [step.clause, "CORE-STATE-2"] if before is not AioState.PENDING else [step.clause]
        self.check_state(f, f"after {what} {call.describe()} on a {before.value} future", blame)

    # -- consumer side --------------------------------------------------------------------------------------------

    @rule(f=futures, kind=st.sampled_from(CALLBACK_KINDS))
    @judged
    def add_done_callback(self, f, kind):
        context = ", context=..." if kind == "context" else ""
        self.register(f, LoopProbe(kind, f.future, self.journal), f"add_done_callback(<{kind} callback>{context})",
                      "AIO-CB-3" if kind == "context" else "AIO-CB-2")

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
        self.start_awaiter(f)

    @rule(f=futures)
    @judged
    def await_by_hand(self, f):
        """Iterate `__await__()` by hand (AIO-AWAIT-2): a pending future yields itself, flagged, and resumed while
        still pending raises RuntimeError (AIO-AWAIT-3); a done one ends the iteration at once with its outcome."""
        made = self.call(f, "__await__()", "AIO-AWAIT-2", f.future.__await__)
        self.expect("AIO-AWAIT-2", not made.raised, lambda: f"__await__() {made.describe()}")
        first = self.call(f, "next() of __await__()", "AIO-AWAIT-2", stepped, made.value)
        if not f.model.done:
            flag = self.call(f, "_asyncio_future_blocking", "AIO-AWAIT-2", getattr, f.future, BLOCKING)
            self.expect("AIO-AWAIT-2", first.value[0] == "yields" and first.value[1] is f.future
                        and flag.value is True,
                        lambda: f"the first next() of a PENDING future's __await__() gave {show(first.value)} with "
                                f"_asyncio_future_blocking {flag.describe()}; expected it to yield the future itself, "
                                "flagged True")
            again = self.call(f, "next() of __await__() while PENDING", "AIO-AWAIT-3", stepped, made.value)
            self.expect("AIO-AWAIT-3", again.value[0] == "raises" and isinstance(again.value[1], RuntimeError),
                        lambda: f"resuming a PENDING future's __await__() gave {show(again.value)}; expected "
                                "RuntimeError: nobody waited for the future")
            # as a Task leaves it once it has woken up
            self.call(f, "_asyncio_future_blocking = False", "AIO-AWAIT-2", setattr, f.future, BLOCKING, False)
            return
        read = dataclasses.replace(f.model.read("result"), clause="AIO-AWAIT-2")
        if isinstance(read.raises, StopIteration):
            return  # implementation-defined (AIO-AWAIT-1): a StopIteration cannot leave a coroutine
        kind, payload = first.value
        self.expect("AIO-AWAIT-2", kind != "yields",
                    lambda: f"next() of a done future's __await__() yielded {show(payload)}; expected the outcome")
        self.judge_read(read, payload if kind == "returns" else None, payload if kind == "raises" else None,
                        f"iterating __await__() of a {f.model.state.value} future")

    # -- the class ------------------------------------------------------------------------------------------------

    @judged
    def the_class(self):
        """AIO-CLASS-1..3, on the class of a future of the adapter's: asyncio.isfuture(), an instance of a subclass
        that skips __init__, and Future[int]. A step of the tour only (tour.py): it judges the class, the same in
        every example, so the search has nothing to add."""
        if self.loop_broken:
            return
        made = self.call(None, "the adapter's new_future()", "AIO-CLASS-3", self.adapter.new_future, self.loop)
        if made.raised or made.value is None:
            return  # creating futures is judged by the other rules
        cls = type(made.value)
        told = self.call(None, "asyncio.isfuture()", "AIO-CLASS-1", asyncio.isfuture, made.value)
        self.call(None, "cancel()", "AIO-CLASS-3", made.value.cancel)
        self.expect("AIO-CLASS-1", told.value is True,
                    lambda: f"asyncio.isfuture() of a new future {told.describe()}; expected True")
        alias = self.call(None, f"{cls.__name__}[int]", "AIO-CLASS-3", cls.__class_getitem__, int) \
            if hasattr(cls, "__class_getitem__") else None
        self.expect("AIO-CLASS-3", alias is not None and isinstance(alias.value, types.GenericAlias)
                    and alias.value.__origin__ is cls,
                    lambda: f"{cls.__name__}[int] {alias.describe() if alias else 'is not supported'}; expected a "
                            f"types.GenericAlias of {cls.__name__}")
        try:
            uninitialized = type("Uninitialized", (cls,), {"__init__": lambda self, *args, **kwargs: None})()
        except Exception:  # a class that cannot be subclassed: nobody can skip its __init__
            return
        loop = self.call(None, "get_loop() of an instance whose __init__ never ran", "AIO-CLASS-2",
                         uninitialized.get_loop)
        self.expect("AIO-CLASS-2", isinstance(loop.error, RuntimeError),
                    lambda: f"get_loop() of an instance of a subclass that skipped __init__ {loop.describe()}; "
                            "expected RuntimeError")
        for method, args in UNINITIALIZED:  # each returns or raises: a hang or a crash is the verdict
            self.call(None, f"{method}() of an instance whose __init__ never ran", "AIO-CLASS-2",
                      getattr(uninitialized, method), *args)
        self.passed("AIO-CLASS-2")

    # -- an exception nobody retrieved -----------------------------------------------------------------------------

    @rule(retrieve=st.sampled_from((None, "result", "exception", "cancel")))
    @judged
    def unretrieved(self, retrieve, f=None):
        """A future of the rule's own (not `f`, the tour's walk future), finished with an exception, read
        (`retrieve`) or not, then dropped and collected: only an exception nobody retrieved reaches the loop's
        exception handler (AIO-LOG-1)."""
        del f
        if self.loop_broken:
            return
        error = ValueError("set by futurespec, never retrieved" if retrieve is None else f"retrieved by {retrieve}()")
        made = self.call(None, "the adapter's new_future()", "AIO-LOG-1", self.adapter.new_future, self.loop)
        if made.raised or made.value is None:
            return  # creating futures is judged by the other rules
        finished = self.call(None, "set_exception()", "AIO-LOG-1", made.value.set_exception, error)
        if retrieve is not None:
            self.call(None, f"{retrieve}()", "AIO-LOG-1", getattr(made.value, retrieve))
            error.__traceback__ = None  # raised by result(), it holds the future's frame: a cycle only a full gc ends
        what = "nobody retrieved" if retrieve is None else f"retrieved by {retrieve}()"
        alive = weak(made.value)
        del made  # the last reference: collecting it is the implementation's to report
        mark = len(self.loop_errors)
        reports = lambda: [c for c in self.loop_errors[mark:] if c.get("exception") is error]  # noqa: E731
        self.call(None, "gc.collect()", "AIO-LOG-1", lambda: collect(alive, until=reports))
        reports = reports()
        if finished.raised:
            return  # set_exception() is judged by the other rules
        self.expect("AIO-LOG-1", len(reports) == (1 if retrieve is None else 0),
                    lambda: f"a future finished with an exception {what}, then collected, was reported to the loop's "
                            f"exception handler {len(reports)} time(s); expected {1 if retrieve is None else 0}")

    # -- the loop -------------------------------------------------------------------------------------------------

    @rule()
    @judged
    def run_loop_once(self):
        """Advance the loop one iteration; every callback due must have run, in order, and no other."""
        if self.loop_broken:
            return
        due, self.scheduled = self.scheduled, []
        mark = len(self.journal)
        errors = self.iterate()
        ran = self.journal[mark:]
        for f in self.tracked:
            if f.future is not None:
                self.judge_iteration(f=f, due=[p for p in due if p.future is f.future],
                                     ran=[p for p in ran if p.future is f.future], errors=errors)

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
        self.judge_order("AIO-CB-2", ran, expected)
        self.judge_awaiters(f)

    def judge_callback(self, f, probe, position, errors):
        if not probe.calls:
            after_raise = any(p.kind == "raise" and p.calls for p in f.probes if p is not probe)
            self.fail("AIO-CB-5" if after_raise else "AIO-CB-2",
                      f"callback #{position} ({probe.kind}) had not run after the loop iteration that followed the "
                      "future's completion" + (" (an earlier callback had raised)" if after_raise else ""))
        self.judge_calls(probe, position)
        self.expect("AIO-CB-3", probe.calls[0]["context"] == probe.tag,
                    lambda: f"callback #{position} ({probe.kind}) ran in another context than the one "
                            f"{'passed as context=' if probe.kind == 'context' else 'current at registration'}")
        if probe.kind == "raise":
            self.expect("AIO-CB-5", any(isinstance(c.get("exception"), CallbackError) and
                                        c["exception"].args == (probe.tag,) for c in errors),
                        f"the exception raised by callback #{position} did not reach the loop's exception handler")
        self.judge_reentry(f, probe, position)
