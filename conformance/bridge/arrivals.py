"""Judging the two sides of a bridge (spec/bridges.md): what the asyncio side and the cf side of a link hold after a
step and after each loop iteration, against what must have arrived there by then (or must not have yet).

The bridge machine drives links step by step (machine.py); reading both sides and judging each arrival, with the
exception conversions of §5, is a job of its own, and this is its base class.
"""
import asyncio

from .model import Outcome, expected
from ..judging import class_name, judged, show
from ..loop_machine import LoopMachine


class BridgeJudge(LoopMachine):
    """Reads both sides of a link on the driver thread and judges them; the subclass makes and drives the links."""

    def on_driver(self, link, what, clause_id, fn, *args):
        call = self.call(link, what, clause_id, fn, *args)
        return call.value, call.error

    def aio_state(self, link, clause_id):
        """(done, cancelled) of the asyncio side, read on the loop's thread."""
        done, _ = self.on_driver(link, "done()", clause_id, link.aio.done)
        cancelled, _ = self.on_driver(link, "cancelled()", clause_id, link.aio.cancelled)
        return done, cancelled

    def cf_state(self, link, clause_id):
        """(done, cancelled, running) of the cf side."""
        return tuple(self.on_driver(link, f"{name}()", clause_id, getattr(link.cf, name))[0]
                     for name in ("done", "cancelled", "running"))

    def judge_arrival(self, link, arrival, side, timing):
        """The outcome `arrival` (an Expected) is on `side` ("asyncio" or "cf") now: that it is there at all is
        judged by the clause `timing`, what arrived by the arrival's own clause."""
        clause_id, outcome, future = arrival.clause, arrival.outcome, link.aio if side == "asyncio" else link.cf
        if side == "asyncio":
            done, cancelled = self.aio_state(link, timing)
        else:
            done, cancelled, _ = self.cf_state(link, timing)
        what = f"the {side} side of a {link.kind} link"
        self.expect(timing, done is True, lambda: f"{what} was still PENDING when the {outcome.kind} should have "
                                                  "arrived")
        if outcome.kind == "cancelled":
            self.expect(clause_id, cancelled is True, lambda: f"{what} was done but not cancelled; expected the "
                                                              "cancellation to arrive")
            return
        self.expect(clause_id, cancelled is False,
                    lambda: f"{what} was cancelled; expected it FINISHED with "
                            + ("a result" if outcome.kind == "result" else show(outcome.value)))
        read = (lambda: future.exception(0)) if side == "cf" else future.exception
        error, raised = self.on_driver(link, "exception()", clause_id, read)
        self.expect(clause_id, raised is None, lambda: f"exception() on {what} raised {show(raised)}")
        if outcome.kind == "result":
            self.expect(clause_id, error is None, lambda: f"{what} holds {show(error)}; expected a result")
            value, raised = self.on_driver(link, "result()", clause_id,
                                           (lambda: future.result(0)) if side == "cf" else future.result)
            self.expect(clause_id, raised is None and value is outcome.value,
                        lambda: f"{what} holds {show(value)}; expected the very result object")
        elif arrival.converted:
            role = getattr(self.adapter, arrival.converted)
            self.expect(clause_id, type(error) is role and error.args == outcome.value.args,
                        lambda: f"{what} holds {show(error)}; expected a new {class_name(role)} with args "
                                f"{outcome.value.args!r} in place of {show(outcome.value)}")
        else:
            self.expect(clause_id, error is outcome.value,
                        lambda: f"{what} holds {show(error)}; expected the very exception object "
                                f"({show(outcome.value)})")

    def check_cf_unchanged(self, f, clause_id, context):
        done, cancelled, running = self.cf_state(f, clause_id)
        expected_state = (f.cf_state in ("DONE", "CANCELLED"), f.cf_state == "CANCELLED", f.cf_state == "RUNNING")
        self.expect(clause_id, (done, cancelled, running) == expected_state,
                    lambda: f"{context}: the cf future has done/cancelled/running = {done}/{cancelled}/{running}; "
                            f"expected it {f.cf_state}")

    def judge_not_yet(self, f, clause_id, context):
        if f.aio_cancelled:
            return
        done, _ = self.aio_state(f, clause_id)
        self.expect(clause_id, done is False,
                    lambda: f"{context}, the asyncio side was already done: the outcome must be handed to the loop "
                            "(call_soon_threadsafe), not set from the completing thread")

    @judged
    def judge_future_link(self, f, errors):
        wrap = f.kind == "wrap"
        if f.cf_cancel_due == self.iterations:
            if f.cf_state == "PENDING":
                done, cancelled, _ = self.cf_state(f, "BRIDGE-CANCEL-2" if wrap else "BRIDGE-EXEC-3")
                self.expect("BRIDGE-CANCEL-2" if wrap else "BRIDGE-EXEC-3", cancelled is True,
                            "the asyncio side was cancelled while the cf side was PENDING, yet after the next loop "
                            "iteration the cf side is not cancelled")
                f.cf_state = "CANCELLED"
            elif f.cf_state == "RUNNING":
                self.check_cf_unchanged(f, "BRIDGE-CANCEL-3" if wrap else "BRIDGE-EXEC-4",
                                        "the asyncio side was cancelled while the cf side was RUNNING")
        if f.due is None or f.judged:
            if f.due is None and not f.aio_cancelled:
                self.judge_not_yet(f, "BRIDGE-WRAP-4" if wrap else "BRIDGE-EXEC-2",
                                   "with nothing completed on the cf side")
            return
        if f.due[0] > self.iterations:
            self.judge_not_yet(f, "BRIDGE-WRAP-4" if wrap else "BRIDGE-EXEC-2", "before the loop iteration due")
            return
        f.judged = True
        if not f.aio_cancelled:
            cancellation = f.due[1].outcome.kind == "cancelled"
            self.judge_arrival(f, f.due[1], "asyncio",
                               "BRIDGE-CANCEL-1" if cancellation else "BRIDGE-WRAP-4" if wrap else "BRIDGE-EXEC-2")
            return
        clause_id = "BRIDGE-CANCEL-3" if wrap else "BRIDGE-EXEC-4"
        _, cancelled = self.aio_state(f, clause_id)
        self.expect(clause_id, cancelled is True, "the cf side completed after the asyncio side was cancelled, and "
                                                  "the asyncio side is no longer CANCELLED")
        reported = [e for e in errors if "never retrieved" not in show(e.get("message"))]  # garbage, not the bridge
        self.expect(clause_id, not reported, lambda: "the cf side completed after the asyncio side was cancelled, and "
                                                     f"the loop's exception handler got "
                                                     f"{show(reported[0].get('message'))}")

    @judged
    def judge_coroutine_link(self, f):
        n = self.iterations
        if f.started is None:
            self.expect("BRIDGE-RCT-1", f.cancelled_at is not None or n < f.created + 2,
                        "the coroutine of run_coroutine_threadsafe() had not started two loop iterations later")
        else:
            self.expect("BRIDGE-RCT-1", f.started[1] == self.loop_thread,
                        "the coroutine of run_coroutine_threadsafe() ran in another thread than the loop's")
        if f.cancelled_at is not None:
            self.expect("BRIDGE-RCT-4", f.started is None or f.ended is not None or n < f.cancelled_at + 3,
                        "the cf future of run_coroutine_threadsafe() was cancelled, yet three loop iterations later "
                        "its coroutine still ran: the task was not cancelled")
        if f.judged:
            return
        if f.ended is None or n < f.ended[0] + 1:
            if f.ended is None:
                done, cancelled, running = self.cf_state(f, "BRIDGE-RCT-2")
                pending = f.cancelled_at is None
                self.expect("BRIDGE-RCT-4" if not pending else "BRIDGE-RCT-2",
                            (done, cancelled, running) == ((False, False, False) if pending else (True, True, False)),
                            lambda: f"while the coroutine runs, its cf future has done/cancelled/running = "
                                    f"{done}/{cancelled}/{running}; expected it "
                                    + ("PENDING" if pending else "CANCELLED (it was cancelled)"))
            return
        f.judged = True
        if f.cancelled_at is not None:
            self.judge_arrival(f, expected(Outcome("cancelled"), "BRIDGE-RCT-4"), "cf", "BRIDGE-RCT-4")
        elif f.ended[1] == "cancelled-at-await" or isinstance(f.ending.value, asyncio.CancelledError):
            self.judge_arrival(f, expected(Outcome("cancelled"), "BRIDGE-RCT-3"), "cf", "BRIDGE-RCT-3")
        else:
            self.judge_arrival(f, expected(f.ending, "BRIDGE-RCT-3"), "cf", "BRIDGE-RCT-3")
