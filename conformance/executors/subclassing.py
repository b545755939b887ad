"""The executor machine's check of the abstract executor base class (EXEC-BASE-1, capability `executor-base`).

The adapter hands over the class (`executor_base()`), not an executor, so the suite derives executors of its own from
it: one defining submit() alone, which runs each call at once in the calling thread into a future the suite
completes (the adapter's own future when it makes bare ones), and one that also records its shutdown() calls. What
the base must give them — map() on that submit(), a shutdown() taking the standard arguments, the context manager
that shuts down and suppresses nothing, and its own submit() refusing — is observed in one call under the watchdog,
so a base that blocks is a verdict too.
"""
import concurrent.futures
import functools

from ..adapter import Adapter
from ..judging import judged, show
from .scenarios import _BodyError, _raising_in_with


class Subclassing:
    """A mixin for ExecutorMachine (its adapter, call(), expect())."""

    @judged
    def base_class(self):
        if not self.applies("EXEC-BASE-1"):
            return
        base = self.call(None, "the adapter's executor_base()", "EXEC-BASE-1", self.adapter.executor_base)
        self.expect("EXEC-BASE-1", not base.raised and isinstance(base.value, type),
                    lambda: f"the adapter's executor_base() {base.describe()}; expected a class")
        what = f"a subclass of {base.value.__qualname__} that defines only submit()"
        seen = self.call(None, what, "EXEC-BASE-1", _derive, base.value, self.derived_futures())
        self.expect("EXEC-BASE-1", not seen.raised, lambda: f"{what}: {seen.describe()}")
        for step, (outcome, expected) in seen.value.items():
            self.expect("EXEC-BASE-1", outcome == expected,
                        lambda: f"{what}: {step} {_shown(outcome)}; expected it to {_shown(expected, 'to ')}")

    def derived_futures(self):
        """(new, complete): a PENDING future, and completing it with an outcome of _attempt(). The adapter's own
        futures, driven as the adapter says; the standard library's for an adapter whose futures only its executor
        completes."""
        if "bare-future" not in self.adapter.capabilities:
            return concurrent.futures.Future, functools.partial(_complete, _STANDARD, True)
        return self.adapter.new_future, functools.partial(_complete, self.adapter,
                                                          "running-state" in self.adapter.capabilities)


_STANDARD = Adapter()  # drives a concurrent.futures.Future through its own methods


def _complete(adapter, running, future, kind, value):
    if running:
        adapter.set_running_or_notify_cancel(future)
    (adapter.set_result if kind == "returned" else adapter.set_exception)(future, value)


def _attempt(fn, *args, **kwargs):
    """("returned", value) or ("raised", the exception)."""
    try:
        return "returned", fn(*args, **kwargs)
    except BaseException as error:  # an observation
        return "raised", error


def _outcome(fn, *args, **kwargs):
    """_attempt(), with the exception's class for the exception: what the checks compare."""
    kind, value = _attempt(fn, *args, **kwargs)
    return kind, type(value) if kind == "raised" else value


def _shown(outcome, verb=""):
    kind, value = outcome
    if kind == "raised":
        return f"{'raise' if verb else 'raised'} {value.__name__}"
    return f"{'return' if verb else 'returned'} {show(value)}"


class _Marker(Exception):
    """What the second call of the derived executor's map() raises."""


def _fails_on_two(number):
    if number == 2:
        raise _Marker("futurespec: the second call raises")
    return number * 10


def _derive(base, futures):
    """{step: (what happened, what EXEC-BASE-1 prescribes)} for executors derived from `base`."""
    new_future, complete = futures

    class Minimal(base):
        def __init__(self):
            super().__init__()
            self.submitted = []

        def submit(self, fn, /, *args, **kwargs):
            self.submitted.append(args)
            future = new_future()
            complete(future, *_attempt(fn, *args, **kwargs))
            return future

    class Recording(Minimal):
        def shutdown(self, wait=True, *, cancel_futures=False):
            self.shutdowns.append(wait)

    minimal, recording = Minimal(), Recording()
    recording.shutdowns = []
    seen = {"map(pow, [1, 2, 3], [2, 2, 2]) read to its end":
            (_outcome(lambda: list(minimal.map(pow, [1, 2, 3], [2, 2, 2]))), ("returned", [1, 4, 9])),
            "submit() calls made by that map()": (("returned", list(minimal.submitted)), ("returned", [(1, 2), (2, 2),
                                                                                                  (3, 2)]))}
    iterator = minimal.map(_fails_on_two, [1, 2, 3])
    seen["the first next() of map() over a call raising on item 2"] = (_outcome(next, iterator), ("returned", 10))
    seen["the second next()"] = (_outcome(next, iterator), ("raised", _Marker))
    for shown, kwargs in (("shutdown()", {}), ("shutdown(wait=False)", {"wait": False}),
                          ("shutdown(wait=True, cancel_futures=True)", {"wait": True, "cancel_futures": True})):
        seen[shown] = (_outcome(minimal.shutdown, **kwargs), ("returned", None))
    seen["the base's own submit(abs, -1)"] = (_outcome(base.submit, minimal, abs, -1), ("raised", NotImplementedError))
    seen["`with executor as entered: pass`, then `entered is executor`"] = (
        _outcome(_entered, recording), ("returned", True))
    seen["the shutdown() calls (their wait=) that leaving the block made"] = (("returned", list(recording.shutdowns)),
                                                                              ("returned", [True]))
    seen[f"`with executor: raise {_BodyError.__name__}`"] = (_outcome(_raising_in_with, recording),
                                                           ("raised", _BodyError))
    return seen


def _entered(executor):
    with executor as entered:
        pass
    return entered is executor
