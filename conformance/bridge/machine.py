"""The conformance machine for the bridge profile (spec/bridges.md): wrap_future, run_coroutine_threadsafe and
run_in_executor between an event loop and concurrent.futures futures.

Everything that could race is driven by the machine, one step at a time. It owns the event loop and advances it one
iteration at a time on the watchdog's driver thread (see loop_machine.py). It completes cf futures itself, from
threads of its own, and calls run_coroutine_threadsafe from such a "foreign" thread, as its users do. The coroutines
it submits await a loop future the machine completes; the functions it runs in an executor are gated: each reports
"started" and blocks until the machine releases it with a value or an exception. So "still PENDING until the loop
runs" and "done after the next iteration" are exact observations, never a matter of timing.
"""
import asyncio
import concurrent.futures
import threading

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from .arrivals import BridgeJudge
from .instruments import GatedCall, NotAFuture, RecordingExecutor
from .model import Link, Outcome, expected
from ..judging import judged, show
from ..probes import Background
from ..watchdog import Hang

PRIORS = ("pending", "running", "result", "cancelled")  # the cf future's state when it is wrapped
CF_OUTCOMES = ("result", "ValueError", "TimeoutError", "cf.CancelledError", "cf.InvalidStateError", "cancel")
ENDINGS = ("return", "ValueError", "TimeoutError", "CancelledError", "cf.CancelledError")  # how a coroutine ends
CALL_OUTCOMES = ("return", "ValueError", "TimeoutError", "cf.CancelledError")  # how a gated call ends


def make_outcome(kind):
    """A fresh outcome of that kind: a new object or exception each time, so arrival by identity is checkable."""
    if kind in ("result", "return"):
        return Outcome("result", object())
    if kind == "cancel":
        return Outcome("cancelled")
    if kind == "CancelledError":
        return Outcome("exception", asyncio.CancelledError())
    error = {"ValueError": ValueError, "TimeoutError": concurrent.futures.TimeoutError,
             "cf.CancelledError": concurrent.futures.CancelledError,
             "cf.InvalidStateError": concurrent.futures.InvalidStateError}[kind]
    return Outcome("exception", error("set by futurespec"))


class BridgeMachine(BridgeJudge):
    """Each future of the `futures` bundle is a Link: empty until a bridge rule (wrap, submit_coroutine,
    run_in_executor) makes it, then driven and judged on both sides."""

    LOOP_CLAUSE = "BRIDGE-WRAP-4"
    CLOSING_ITERATIONS = 4
    futures = BridgeJudge.futures

    def __init__(self):
        super().__init__()
        self.current = 0  # the iteration being run, as the coroutines see it
        self.executor = None
        self.running_call = None  # the call link whose function runs in the executor now
        self.queue = []  # call links submitted and not finished, in submission order

    @property
    def usable(self):
        return not self.closed and not self.loop_broken

    # -- calls in threads of the machine's own -----------------------------------------------------------------

    def foreign(self, link, what, clause_id, fn, *args):
        """Call fn in a new thread, neither the loop's nor the driver's: where cf futures are completed and where
        run_coroutine_threadsafe is called from. A call that does not return is a violation of the clause."""
        call = Background(what, fn, *args).start()
        if not self.watchdog.wait(clause_id, call.returned):
            self.deadlocked(link, clause_id, f"{what}, in another thread, did not return")
        return call.value, call.error

    # -- making links -------------------------------------------------------------------------------------------

    @rule(target=futures)
    def new_future(self):
        link = Link()
        self.tracked.append(link)
        return link

    @precondition(lambda self: self.usable)
    @rule(f=futures, prior=st.sampled_from(PRIORS))
    @judged
    def wrap(self, f, prior):
        """wrap_future(cf, loop) of a cf future in state `prior`."""
        if f.kind is not None:
            return
        cf, _ = self.on_driver(f, "the adapter's new_cf_future()", "BRIDGE-WRAP-3", self.adapter.new_cf_future)
        f.kind, f.cf, f.created = "wrap", cf, self.iterations
        prepare = {"running": ("set_running_or_notify_cancel()", cf.set_running_or_notify_cancel),
                   "cancelled": ("cancel()", cf.cancel), "result": ("set_result()", cf.set_result, f)}.get(prior)
        if prepare:
            self.on_driver(f, f"the cf future's {prepare[0]}, before wrap_future()", "BRIDGE-WRAP-3", *prepare[1:])
        f.cf_state = {"pending": "PENDING", "running": "RUNNING", "result": "DONE", "cancelled": "CANCELLED"}[prior]
        aio, error = self.on_driver(f, "wrap_future(cf, loop=loop)", "BRIDGE-WRAP-3", self.adapter.wrap_future, cf,
                                    self.loop)
        self.expect("BRIDGE-WRAP-3", error is None, lambda: f"wrap_future() of a {prior} cf future raised "
                                                            f"{show(error)}")
        f.aio = aio
        self.expect("BRIDGE-WRAP-3", aio is not cf and asyncio.isfuture(aio),
                    lambda: f"wrap_future() returned {show(aio)}; expected a new asyncio future")
        loop, _ = self.on_driver(f, "get_loop()", "BRIDGE-WRAP-3", aio.get_loop)
        self.expect("BRIDGE-WRAP-3", loop is self.loop, "the wrapper's get_loop() is not the loop passed")
        done, _ = self.aio_state(f, "BRIDGE-WRAP-3")
        self.expect("BRIDGE-WRAP-3", done is False,
                    lambda: f"wrap_future() of a {prior} cf future returned a done future; it must stay PENDING until "
                            "the loop runs")
        self.check_cf_unchanged(f, "BRIDGE-WRAP-3", f"after wrap_future() of a {prior} cf future")
        if prior == "result":
            f.due = (self.iterations + 1, expected(Outcome("result", f), "BRIDGE-WRAP-5"))
        elif prior == "cancelled":
            f.due = (self.iterations + 1, expected(Outcome("cancelled"), "BRIDGE-CANCEL-1"))

    @precondition(lambda self: self.usable)
    @rule(f=futures)
    @judged
    def submit_coroutine(self, f):
        """run_coroutine_threadsafe(coro, loop), called from another thread; coro awaits a gate the machine sets."""
        if f.kind is not None:
            return
        f.kind, f.created = "coro", self.iterations
        f.gate, _ = self.on_driver(f, "loop.create_future()", "BRIDGE-RCT-1", self.loop.create_future)
        cf, error = self.foreign(f, "run_coroutine_threadsafe(coro, loop)", "BRIDGE-RCT-1",
                                 self.adapter.run_coroutine_threadsafe, self.controlled(f), self.loop)
        self.expect("BRIDGE-RCT-1", error is None and isinstance(cf, concurrent.futures.Future),
                    lambda: f"run_coroutine_threadsafe() {'raised ' + show(error) if error else 'returned ' + show(cf)}"
                            "; expected a concurrent.futures.Future")
        f.cf = cf
        self.expect("BRIDGE-RCT-1", f.started is None,
                    "run_coroutine_threadsafe() ran the coroutine in the calling thread; it must run in the loop")
        done, cancelled, running = self.cf_state(f, "BRIDGE-RCT-1")
        self.expect("BRIDGE-RCT-1", not done and not running,
                    lambda: f"run_coroutine_threadsafe() returned a cf future with done/running = {done}/{running}; "
                            "expected PENDING")

    async def controlled(self, f):
        f.started = (self.current, threading.get_ident())
        try:
            kind, value = await f.gate
        except BaseException:
            f.ended = (self.current, "cancelled-at-await")
            raise
        f.ended = (self.current, kind)
        if kind == "exception":
            raise value
        return value

    @precondition(lambda self: self.usable)
    @rule(f=futures)
    @judged
    def run_in_executor(self, f):
        """loop.run_in_executor(executor, fn, arg) with a gated fn."""
        if f.kind is not None:
            return
        f.kind, f.created, f.gate = "call", self.iterations, GatedCall()
        if self.executor is None:
            inner, _ = self.on_driver(None, "the adapter's new_executor()", "BRIDGE-EXEC-1", self.adapter.new_executor)
            self.executor = RecordingExecutor(inner)
        argument = object()
        before = len(self.executor.submitted)
        aio, error = self.on_driver(f, "run_in_executor(executor, fn, arg)", "BRIDGE-EXEC-1",
                                    self.adapter.run_in_executor, self.loop, self.executor, f.gate, argument)
        self.expect("BRIDGE-EXEC-1", error is None, lambda: f"run_in_executor() raised {show(error)}")
        submitted = self.executor.submitted[before:]
        self.expect("BRIDGE-EXEC-1", len(submitted) == 1 and submitted[0][0] is f.gate
                    and submitted[0][1] == (argument,),
                    lambda: f"run_in_executor() made {len(submitted)} submission(s) to the executor it was given; "
                            "expected executor.submit(fn, arg) once")
        f.aio, f.cf = aio, submitted[0][2]
        self.expect("BRIDGE-EXEC-1", asyncio.isfuture(aio), lambda: f"run_in_executor() returned {show(aio)}")
        loop, _ = self.on_driver(f, "get_loop()", "BRIDGE-EXEC-1", aio.get_loop)
        done, _ = self.aio_state(f, "BRIDGE-EXEC-1")
        self.expect("BRIDGE-EXEC-1", loop is self.loop and done is False,
                    "run_in_executor() returned a future of another loop, or a done one; expected a PENDING future "
                    "of the loop")
        f.done_event = threading.Event()
        # after the bridge's own callback, so it has run:
        self.on_driver(f, "add_done_callback() of the executor's future", "BRIDGE-EXEC-1", f.cf.add_done_callback,
                       lambda _: f.done_event.set())
        self.queue.append(f)
        if self.running_call is None:
            self.start_next_call()

    def start_next_call(self):
        """The executor runs one call at a time: wait until the first call still PENDING has started; the
        cancelled ones before it must have been skipped (BRIDGE-EXEC-3)."""
        skipped = [link for link in self.queue if link.cf_state == "CANCELLED"]
        self.queue = [link for link in self.queue if link.cf_state != "CANCELLED"]
        if self.queue:
            link = self.queue[0]
            if not self.watchdog.wait("BRIDGE-EXEC-1", link.gate.started):
                self.fail("BRIDGE-EXEC-1", "a call submitted to the executor never started, although the executor "
                                           "had nothing else to run")
            link.cf_state = "RUNNING"
            self.running_call = link
        for link in skipped:
            self.expect("BRIDGE-EXEC-3", not link.gate.started.is_set(),
                        "the function of a call cancelled before it started ran anyway")

    # -- steps only the tour takes: they need no link and would only dilute the random search -------------------

    @judged
    def wrap_asyncio_future(self):
        future = self.watchdog.call("loop.create_future()", self.loop.create_future, kind="BRIDGE-WRAP-1").value
        wrapped = self.call(None, "wrap_future(asyncio future)", "BRIDGE-WRAP-1", self.adapter.wrap_future, future,
                            self.loop)
        self.expect("BRIDGE-WRAP-1", not wrapped.raised and wrapped.value is future,
                    lambda: f"wrap_future() of an asyncio future {wrapped.describe()}; expected that very future")
        future.cancel()

    @judged
    def wrap_non_future(self):
        call = self.call(None, "wrap_future(not a future)", "BRIDGE-WRAP-2", self.adapter.wrap_future, NotAFuture(),
                         self.loop)
        self.expect("BRIDGE-WRAP-2", isinstance(call.error, Exception),
                    lambda: f"wrap_future() of an object that is no future {call.describe()}; expected an exception")

    @judged
    def submit_non_coroutine(self):
        _, error = self.foreign(None, "run_coroutine_threadsafe(not a coroutine, loop)", "BRIDGE-RCT-5",
                                self.adapter.run_coroutine_threadsafe, NotAFuture(), self.loop)
        self.expect("BRIDGE-RCT-5", isinstance(error, TypeError),
                    lambda: f"run_coroutine_threadsafe() of a non-coroutine raised {show(error)}; expected TypeError")

    @judged
    def occupy_executor(self):
        """A call nobody cancels, submitted through a link of its own, so that the next call waits in the queue."""
        self.run_in_executor(f=self.new_future())

    # -- driving the cf side of wrap links ----------------------------------------------------------------------

    @precondition(lambda self: self.usable)
    @rule(f=futures, kind=st.sampled_from(CF_OUTCOMES))
    @judged
    def complete_cf(self, f, kind):
        """Complete (or cancel) a wrapped cf future from another thread; the asyncio side must not change before the
        loop runs (BRIDGE-WRAP-4) and must have the outcome after the next iteration."""
        if f.kind != "wrap" or f.cf_state in ("DONE", "CANCELLED") or (kind == "cancel" and f.cf_state == "RUNNING"):
            return
        outcome = make_outcome(kind)
        method = {"result": f.cf.set_result, "exception": f.cf.set_exception}.get(outcome.kind, f.cf.cancel)
        args = () if outcome.kind == "cancelled" else (outcome.value,)
        clause_id = "BRIDGE-CANCEL-1" if outcome.kind == "cancelled" else "BRIDGE-WRAP-4"
        _, error = self.foreign(f, f"cf.{method.__name__}()", clause_id, method, *args)
        self.expect(clause_id, error is None, lambda: f"cf.{method.__name__}() raised {show(error)} in the "
                                                      "completing thread")
        f.cf_state = "CANCELLED" if outcome.kind == "cancelled" else "DONE"
        self.judge_not_yet(f, clause_id, f"right after cf.{method.__name__}() in another thread")
        f.due = (self.iterations + 1, expected(outcome, clause_id if outcome.kind == "cancelled" else "BRIDGE-WRAP-5"))

    @precondition(lambda self: self.usable)
    @rule(f=futures)
    @judged
    def start_cf(self, f):
        if f.kind != "wrap" or f.cf_state != "PENDING":
            return
        started, error = self.foreign(f, "cf.set_running_or_notify_cancel()", "BRIDGE-WRAP-5",
                                      f.cf.set_running_or_notify_cancel)
        self.expect("BRIDGE-WRAP-5", error is None and started is True,
                    lambda: f"set_running_or_notify_cancel() on a PENDING wrapped cf future "
                            f"{'raised ' + show(error) if error else 'returned ' + show(started)}")
        f.cf_state = "RUNNING"
        self.judge_not_yet(f, "BRIDGE-WRAP-5", "after set_running_or_notify_cancel()")

    @precondition(lambda self: self.usable)
    @rule(f=futures)
    @judged
    def cancel_asyncio(self, f):
        """Cancel the asyncio side of a wrap or call link; the cancellation reaches the cf side at the next
        iteration (BRIDGE-CANCEL-2, BRIDGE-EXEC-3) unless it is RUNNING (BRIDGE-CANCEL-3, BRIDGE-EXEC-4)."""
        if f.kind not in ("wrap", "call") or f.aio_cancelled or (f.due and f.due[0] <= self.iterations):
            return
        clause_id = "BRIDGE-CANCEL-2" if f.kind == "wrap" else "BRIDGE-EXEC-3"
        cancelled, error = self.on_driver(f, "cancel() of the asyncio side", clause_id, f.aio.cancel)
        self.expect(clause_id, error is None and cancelled is True,
                    lambda: f"cancel() of a PENDING asyncio future {show(error or cancelled)}")
        f.aio_cancelled = True
        f.cf_cancel_due = self.iterations + 1

    # -- driving coroutines and calls ---------------------------------------------------------------------------

    @precondition(lambda self: self.usable)
    @rule(f=futures, kind=st.sampled_from(ENDINGS))
    @judged
    def finish_coroutine(self, f, kind):
        """Let a submitted coroutine end: its gate returns what it must return or raise."""
        if f.kind != "coro" or f.ending is not None or f.ended is not None:
            return
        f.ending = make_outcome(kind)
        self.watchdog.call("setting the coroutine's gate", f.gate.set_result, (f.ending.kind, f.ending.value),
                           kind="release")

    @precondition(lambda self: self.usable)
    @rule(f=futures)
    @judged
    def cancel_cf(self, f):
        """Cancel the cf future of run_coroutine_threadsafe from another thread: the task must be cancelled. Only
        while the coroutine runs: once it has ended, the cf future may be completed in that very iteration."""
        if f.kind != "coro" or f.cancelled_at is not None or f.ended is not None:
            return
        cancelled, error = self.foreign(f, "cf.cancel()", "BRIDGE-RCT-4", f.cf.cancel)
        self.expect("BRIDGE-RCT-4", error is None and cancelled is True,
                    lambda: f"cancel() of the PENDING cf future of run_coroutine_threadsafe() "
                            f"{'raised ' + show(error) if error else 'returned ' + show(cancelled)}")
        f.cancelled_at = self.iterations

    @precondition(lambda self: self.usable)
    @rule(f=futures, kind=st.sampled_from(CALL_OUTCOMES))
    @judged
    def release_call(self, f, kind):
        """Let the call end if it is the one running in the executor; its outcome reaches the asyncio side at the
        next iteration (BRIDGE-EXEC-2), or is discarded if that side was cancelled (BRIDGE-EXEC-4)."""
        if f is self.running_call:
            self.release(f, kind)

    @precondition(lambda self: self.usable and self.running_call is not None)
    @rule()
    @judged
    def release_running_call(self):
        """Let whichever call is running return (the tour's way to release the call of occupy_executor)."""
        if self.running_call is not None:  # the tour takes this step whether or not a call could be started
            self.release(self.running_call, "return")

    def release(self, f, kind):
        self.running_call = None
        self.queue.remove(f)
        outcome = make_outcome(kind)
        f.gate.release(outcome)
        if not self.watchdog.wait("BRIDGE-EXEC-2", f.done_event):
            self.fail("BRIDGE-EXEC-2", "a call's function returned, but its cf future never became done")
        f.cf_state = "DONE"
        self.judge_released(f=f, outcome=outcome)
        self.start_next_call()

    @judged
    def judge_released(self, f, outcome):
        self.judge_not_yet(f, "BRIDGE-EXEC-2", "right after the call's function ended in the executor")
        f.due = (self.iterations + 1, expected(outcome, "BRIDGE-EXEC-2"))

    # -- the loop -----------------------------------------------------------------------------------------------

    @precondition(lambda self: self.usable)
    @rule()
    @judged
    def run_loop_once(self):
        """Advance the loop one iteration, then judge every link against what was due by now."""
        if not self.usable:  # the tour takes this step even after the loop broke
            return
        self.current = self.iterations + 1
        errors = self.iterate()
        for link in self.tracked:
            if link.kind in ("wrap", "call"):
                self.judge_future_link(f=link, errors=errors)
            elif link.kind == "coro":
                self.judge_coroutine_link(f=link)

    @judged
    def close_loop_then_complete(self):
        """Close the loop, then complete every wrapped cf future still unfinished from another thread: the
        completing thread must not see an error (BRIDGE-CLOSED-1)."""
        self.close_loop()
        for f in self.tracked:
            if f.kind == "wrap" and f.cf_state in ("PENDING", "RUNNING"):
                self.complete_after_close(f=f)

    @judged
    def complete_after_close(self, f):
        _, error = self.foreign(f, "cf.set_result() after the loop closed", "BRIDGE-CLOSED-1", f.cf.set_result,
                                object())
        f.cf_state = "DONE"
        self.expect("BRIDGE-CLOSED-1", error is None,
                    lambda: f"cf.set_result() of a wrapped future, after the loop was closed, raised {show(error)} in "
                            "the completing thread")

    # -- teardown -----------------------------------------------------------------------------------------------

    def teardown(self):
        """Unjudged: release every gated call, end every coroutine, close the loop and shut the executor down."""
        for f in self.tracked:
            if f.kind == "call":
                f.gate.release()
        self.close_loop()
        if self.executor is not None:
            try:
                self.watchdog.call("shutting the executor down", self.executor.shutdown, kind="release")
            except Hang:
                pass

    def abandon(self):
        for f in self.tracked:
            if f.kind == "coro" and not f.gate.done():
                f.gate.cancel()
