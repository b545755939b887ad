"""Instruments the machine hands to an implementation: callbacks that record how they were called, and waiter
threads that block in result()/exception().

They run in the implementation's threads, so they only record; the machine judges afterwards, on its own thread.
"""
import threading
import time

from .describing import describe


class CallbackError(Exception):
    """Raised by a `raise` callback probe (CF-CB-4)."""


class CallbackInterrupt(BaseException):
    """Raised by an `interrupt` callback probe: a BaseException that is not an Exception (CF-CB-7)."""


CALLBACK_KINDS = ("record", "twice", "raise", "interrupt", "reenter")
REENTERED = "CF-CB-6"  # the clause a `reenter` probe's calls back into the future are made for


class CallbackProbe:
    """A done-callback that records each call: the thread, whether it got the future, and (for `reenter`) what the
    future looked like from inside the callback (CF-CB-6). A `twice` probe is registered twice (CORE-CB-1)."""

    def __init__(self, kind, future, journal, progress=None):
        self.kind = kind
        self.future = future
        self.progress = progress  # told of the calls back into the future, for a crash among them to be theirs
        self.journal = journal  # the future's shared call journal, to check order across probes
        self.calls = []
        self.inside = False  # True while a `reenter` probe is calling back into the future
        self.raced = False  # registered by a racing thread, so its place in the registration order is unknown
        self.registrations = 2 if kind == "twice" else 1  # CORE-CB-1: the same function registered twice runs twice

    def __call__(self, *args):
        call = {"thread": threading.get_ident(), "got_future": len(args) == 1 and args[0] is self.future}
        self.calls.append(call)
        self.journal.append(self)
        if self.kind == "raise":
            raise CallbackError("raised on purpose by a futurespec callback probe")
        if self.kind == "interrupt":
            raise CallbackInterrupt("raised on purpose by a futurespec callback probe")
        if self.kind == "reenter":
            self._reenter(call)

    def _reenter(self, call):
        self.inside = True
        if self.progress is not None:
            self.progress.calling_back("done(), result(0) and add_done_callback() from inside a done-callback",
                                       REENTERED)
        call["done"] = self.future.done()
        try:
            call["read"] = ("returns", self.future.result(0))
        except BaseException as error:  # the outcome may be any exception; it is an observation
            call["read"] = ("raises", error)
        nested = CallbackProbe("record", self.future, [])
        self.future.add_done_callback(nested)
        call["nested_calls"] = len(nested.calls)
        if self.progress is not None:
            self.progress.called_back()
        self.inside = False

    def __repr__(self):
        return f"<{self.kind} callback>"


class Background:
    """A call the suite makes from a helper thread of its own because it is meant to block: result() until the future
    completes, wait(), shutdown(wait=True), next() on an iterator. The machine later checks whether, and with what, it
    returned. This is the one way the suite runs a call in another thread."""

    def __init__(self, what, fn, *args):
        self.what = what
        self.returned = threading.Event()
        self.value = self.error = None
        self.thread = None  # the helper thread's identity, once it runs
        self.finished_at = float("inf")
        self._call = (fn, args)
        self._thread = threading.Thread(target=self._run, name=f"futurespec-{what}", daemon=True)
        self._calling = threading.Event()

    def start(self):
        self._thread.start()
        self._calling.wait()  # our own hand-off: set just before the call, nothing of the implementation's runs first
        return self

    def _run(self):
        fn, args = self._call
        self.thread = threading.get_ident()
        self._calling.set()
        try:
            self.value = fn(*args)
        except BaseException as error:  # any outcome is an observation
            self.error = error
        self.finished_at = time.monotonic()
        self.returned.set()

    def describe(self):
        return describe(self.value, self.error)

    def __str__(self):
        return self.what


class Waiter(Background):
    """A consumer thread blocked in result() or exception() until the future completes (CF-BLOCK-1/2)."""

    def __init__(self, future, method, timeout):
        super().__init__(f"{method}(timeout={timeout!r})", getattr(future, method), timeout)
        self.method = method
        self.timeout = timeout


class Until:
    """Something to wait for under the watchdog (which needs `wait(timeout)` and `is_set()`): a predicate over
    state that a helper thread changes under `condition`, notifying it."""

    def __init__(self, condition, predicate):
        self.condition = condition
        self.predicate = predicate

    def wait(self, timeout):
        with self.condition:
            return self.condition.wait_for(self.predicate, timeout)

    def is_set(self):
        with self.condition:
            return self.predicate()
