"""CF-CB-10: a callback that only the future references is still called. A mixin of FutureMachine, apart so that the
machine stays readable: a rule that registers such a callback, and the check made when the future completes.

The callback is made and registered on the watchdog's driver thread by one helper function, so that no frame or call
record of the suite keeps it alive: a future that held it weakly would lose it at once, in every run."""
import threading

from hypothesis.stateful import rule

from ..judging import JudgingMachine, judged


class Unreferenced:
    """A callback that records its calls into a list the machine keeps; the machine keeps no reference to it."""

    def __init__(self, calls):
        self.calls = calls

    def __call__(self, future):
        self.calls.append((future, threading.current_thread()))


def _register_unreferenced(future, calls):
    future.add_done_callback(Unreferenced(calls))


class CallbackReferences:
    """For FutureMachine: `f.unreferenced` holds the call lists of the callbacks not yet due."""

    @rule(f=JudgingMachine.futures)
    @judged
    def add_unreferenced_callback(self, f):
        calls = []
        what = "add_done_callback(<a callback nothing else references>)"
        self.call(f, what, "CF-CB-3" if f.model.done else "CF-CB-1", _register_unreferenced, f.future, calls)
        if f.model.done:
            self.expect("CF-CB-3", len(calls) == 1,
                        lambda: f"{what} on a done future called it {len(calls)} times before returning; expected 1")
        else:
            self.expect("CF-CB-1", not calls, lambda: f"{what} on an unfinished future called it at once")
            f.unreferenced.append(calls)

    def check_unreferenced(self, f, what):
        """The future just completed: each callback only it referenced was called once, with the future. Where the
        callbacks are known to run later than the completing call (CF-CB-2 muted: gevent runs them in its hub), one
        not called yet is not judged: it may still be."""
        pending, f.unreferenced = f.unreferenced, []
        if any(p.kind == "interrupt" for p in f.queued):
            return  # the callbacks after an interrupting one may not run (CF-CB-7)
        for calls in pending:
            if not calls and "CF-CB-2" in self.ledger.muted:
                continue  # callbacks known to run later than the completing call (gevent's hub) may yet be called
            self.expect("CF-CB-10", len(calls) == 1 and calls[0][0] is f.future,
                        lambda: f"a callback that only the future referenced was called {len(calls)} time(s) by "
                                f"{what}; expected once, with the future (was it kept alive?)")
