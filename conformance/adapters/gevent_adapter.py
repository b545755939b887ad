"""`gevent-thread`: gevent's `gevent.threadpool.ThreadPoolExecutor`, without monkey-patching, checked as installed
from PyPI by `tox -e gevent`.

Its futures are not `concurrent.futures.Future`s but proxies (`gevent.threadpool._FutureProxy`) over a
`gevent.event.AsyncResult`, the object gevent's thread pool completes from its worker threads through the hub of the
thread that submitted. The suite's bare futures are the same proxies over a new AsyncResult, completed through it
(`AsyncResult.set()` / `set_exception()`), so the Future clauses judge what submit() hands out. The proxy has no
RUNNING state (no `running()`), raises no InvalidStateError, and gevent has no concurrent.futures-shaped `wait()` or
`as_completed()`: the capabilities `running-state`, `invalid-state-error` and `wait` are not declared. The executor
accepts `initializer=` and ignores it (its docstring says most arguments are), so `initializer` is not declared.

A bare `gevent.event.AsyncResult` is not checked: the adapter contract needs a future with `add_done_callback()` and
an `exception()` method, and AsyncResult has `rawlink()` (callbacks run later, by the hub) and an `exception`
attribute.

Every deviation below is reproduced with gevent alone by a script in results/repro/gevent/. In env_list and CI since
2026-12-02 (seeds 0-7 of the dev profile passed), though gevent objects belong to the hub of one thread and the suite
uses futures from helper threads, so what a run reaches varies with timing: CF-CB-4 and CF-EXC-1 are seen only on
futures that no earlier timing-dependent deviation (CF-BLOCK-1, CF-TIMEOUT-3) has retired, and are declared with
`sometimes`; CF-RESULT-1 — a result() blocked in another thread raised LoopExit after set_exception() — was seen once
and is not declared. Some verdicts were the suite's, and are fixed there: EXEC-SHUTDOWN-1, EXEC-SHUTDOWN-3 and
EXEC-SHUTDOWN-5 (a submit() or a shutdown() that blocks; gevent's own EXEC-SHUTDOWN-3 is another matter, below) came
after a submit() that hung waiting for a slot (EXEC-SUBMIT-1) and was abandoned inside the executor holding its
_shutdown_lock, so the executor machine no longer judges a step that calls the executor once a call was abandoned inside
it (shutting_down.locking); CF-CB-10 (a callback only the future referenced, not called when set_result() returned)
followed from the callbacks running later, in the hub (CF-CB-2), so a callback not called yet is not judged there when
CF-CB-2 is a declared deviation. EXEC-SHUTDOWN-3 (queued calls not cancelled) is gevent's, reproduced standalone, but
the suite cannot see it: a queued call has a running one ahead of it, so shutdown() first hangs on that one
(EXEC-SHUTDOWN-6) and the step ends there; declared with `sometimes`, it reports untested rather than a pass. What would
make its verdicts independent of timing: a gevent-aware watchdog (calls on the thread whose hub owns the
future) or a `per-thread` capability that keeps the suite's helper threads away from gevent objects.
"""
from ..adapter import Adapter, Deviation
from .. import gates
from . import requires

REPRO = "results/repro/gevent/"
NO_ISSUE = "no upstream issue found"


def _deviation(clause, reason, issue=NO_ISSUE, sometimes=False):
    return Deviation(f"{reason} (reproduced with gevent alone by {REPRO}{clause}.py)", issue, sometimes)


_RETIRED = ("; the suite provokes it only on a future that no earlier timing-dependent deviation (CF-BLOCK-1, "
            "CF-TIMEOUT-3: which thread's hub the AsyncResult binds to first) has retired")


GEVENT_1739 = "https://github.com/gevent/gevent/issues/1739"  # AsyncResult used across threads: never supported
DEVIATIONS = {
    "EXEC-SUBMIT-1": _deviation("EXEC-SUBMIT-1", "submit() blocks while every worker is busy: it calls "
                                "ThreadPool.spawn(), which waits for a free slot (as its docstring says)",
                                "https://github.com/gevent/gevent/issues/529"),
    "CF-CANCEL-1": _deviation("CF-CANCEL-1", "the futures cannot be cancelled: cancel() of a pending future returns "
                              "False (AsyncResult.cancel() always does)"),
    "EXEC-CANCEL-1": _deviation("EXEC-CANCEL-1", "for the same reason, cancel() of a queued call's future returns "
                                "False"),
    "CF-EXC-1": _deviation("CF-EXC-1", "exception() of a future whose call raised raises that exception instead of "
                           "returning it (_FutureProxy.exception() calls AsyncResult.get())" + _RETIRED,
                           sometimes=True),
    "CF-SET-3": _deviation("CF-SET-3", "completing a done future again does not raise: AsyncResult.set() and "
                           "set_exception() return normally (a second set() replaces the result)"),
    "EXEC-SUBMIT-2": _deviation("EXEC-SUBMIT-2", "a future becomes done only when the hub of the thread that "
                                "submitted runs: polling done() without blocking in gevent never sees a returned "
                                "call's future done"),
    "EXEC-MAP-2": _deviation("EXEC-MAP-2", "map() submits every call up front with gevent's submit(), which waits "
                             "for a free slot (EXEC-SUBMIT-1), so map() blocks while the workers are busy"),
    "EXEC-SHUTDOWN-3": _deviation("EXEC-SHUTDOWN-3", "shutdown(cancel_futures=True) cancels nothing: the calls wait in "
                                  "gevent's ThreadPool, not in the work queue the inherited shutdown() drains, so a "
                                  "queued call is not cancelled and runs later; the suite reaches it only when "
                                  "shutdown() is not first stuck waiting for a running call (EXEC-SHUTDOWN-6), and a "
                                  "queued call always has one ahead of it", sometimes=True),
    "EXEC-SHUTDOWN-6": _deviation("EXEC-SHUTDOWN-6", "shutdown(wait=False) waits for the running calls: it ends with "
                                  "ThreadPool.kill(), which waits in the hub until the worker threads have ended "
                                  "(the source says \"We don't implement wait properly\")"),
    "CF-BLOCK-1": _deviation("CF-BLOCK-1", "result() called in another thread than the future's hub raises "
                             "gevent's LoopExit at once instead of waiting (AsyncResult is not thread-safe, the "
                             "maintainer says there)", GEVENT_1739),
    "CF-CB-2": _deviation("CF-CB-2", "callbacks run later, in the hub of the thread that submitted, not in the "
                          "thread that completed the future"),
    "CF-TIMEOUT-3": _deviation("CF-TIMEOUT-3", "the futures' AsyncResult binds to the hub of the first thread "
                               "that waits on it: after a result() in another thread (CF-BLOCK-1), result(timeout=0) "
                               "in the submitting thread may raise gevent's InvalidThreadUseError, not TimeoutError",
                               GEVENT_1739),
    "EXEC-SUBMIT-4": _deviation("EXEC-SUBMIT-4", "ThreadPoolExecutor.submit(self, fn, *args, **kwargs) takes fn by "
                                "keyword too: a call keyword named fn is a TypeError"),
    "CF-CB-4": _deviation("CF-CB-4", "a callback added to a done future is called directly by add_done_callback(), "
                          "and what it raises escapes" + _RETIRED, sometimes=True),
    "EXEC-EXIT-1": _deviation("EXEC-EXIT-1", "the pool's workers are started with the low-level start_new_thread, not "
                              "as threading.Thread: the exit does not wait for them, and a program that ends while a "
                              "call runs exits without waiting for it"),
    "EXEC-EXIT-2": _deviation("EXEC-EXIT-2", "as EXEC-EXIT-1, the executor dropped (no reference left, collected) "
                              "while its call runs: the exit does not wait for the call"),
}


class GeventThreadAdapter(Adapter):
    """gevent.threadpool.ThreadPoolExecutor and the future proxies it hands out."""

    name = "gevent-thread"
    capabilities = frozenset({"executor", "workers", "cancel-futures"})
    deviations = DEVIATIONS

    def __init__(self):
        self.threadpool = requires.library("gevent.threadpool", self.name, package="gevent", env="gevent")
        self.event = requires.library("gevent.event", self.name, package="gevent", env="gevent")

    def new_future(self):
        return self.threadpool._FutureProxy(self.event.AsyncResult())

    def set_result(self, future, result):
        future.asyncresult.set(result)

    def set_exception(self, future, exception):
        future.asyncresult.set_exception(exception)

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return self.threadpool.ThreadPoolExecutor(max_workers=max_workers)

    def new_gate(self):
        return gates.ThreadGate()
