"""`futurist-thread`, `futurist-process` and `futurist-sync`: OpenStack's futurist executors (ThreadPoolExecutor,
ProcessPoolExecutor, SynchronousExecutor), checked as installed from PyPI by `tox -e futurist`.

futurist's Future is the standard library's, so the adapters name its exception classes. futurist has no wait()
or as_completed() of the concurrent.futures shape (its waiters module has wait_for_any/wait_for_all), so the
capability `wait` is not declared. Its process pool is the standard library's with statistics, run here with the
spawn start method, and inherits CPython's deviations. SynchronousExecutor runs each call inside submit(): it lacks
the capability `workers`, so the clauses about queued and running calls are not applicable. Every deviation is
reproduced with futurist alone by a script in results/repro/futurist/.

futurist-thread is in CI since 2026-12-02. A call raising SystemExit ends its worker for good
(EXEC-START-1, declared); the executor machine now stops judging an executor at the first starved call after such a
call (a worker lost: executor_machine.settle), which cured seed 2's EXEC-MAP-2 (a map() call starved by the lost
worker, whose 2 s hang then cut every later map() call's limit to 0.05 s, and a slow one was judged deadlocked).
Seed 5 reported EXEC-RUN-2 (a queued call's future running(), after a map() call was released): a start awaited
with a wait shortened by an earlier hang of that kind (0.05 s: watchdog.repeat_hang) was judged starved, a muted
EXEC-START-1 that retired the call, so released it; its worker then took the call behind it, which the model did not
expect to start (the executor machine now settles again after such a retirement). Seeds 0-7 of the dev profile then
conformed, seed 5 three times. futurist-process and futurist-sync passed seeds 0-4 of the dev profile and are in CI
(`tox -e futurist-process`, `tox -e futurist-sync`).

The executor tour calls shutdown() again while shutdown(wait=True) waits in another thread, once a refused (or
blocked) submit() has shown that shutdown took effect, so EXEC-SHUTDOWN-5 reproduces on every run.
"""
import concurrent.futures
import multiprocessing
import sys

from ..adapter import Deviation
from . import requires
from .cf_module import ModuleAdapter

REPRO = "results/repro/futurist/"
NO_ISSUE = "no upstream issue found"


def _deviation(clause, reason, issue=NO_ISSUE):
    return Deviation(f"{reason} (reproduced with futurist alone by {REPRO}{clause}.py)", issue)


FALSY_EXCEPTION = {  # futurist's Future is the standard library's
    "CF-RESULT-3": _deviation("CF-RESULT-3", "futurist's Future is the standard library's, whose result() returns None "
                              "for an exception whose truth value is false before 3.13.4; from set_exception() and "
                              "from a call raising it in any futurist executor alike",
                              "https://github.com/python/cpython/issues/132063"),
} if sys.version_info < (3, 13, 4) else {}
SUBMIT = {
    "EXEC-SUBMIT-4": _deviation("EXEC-SUBMIT-4", "submit() is `submit(self, fn, *args, **kwargs)`, CPython's "
                                "signature before 3.9 (bpo-36492): a keyword argument named fn collides with the "
                                "callable (TypeError) and submit(fn=f) is accepted"),
}
THREAD_POOL = {
    **FALSY_EXCEPTION, **SUBMIT,
    "EXEC-START-1": _deviation("EXEC-START-1", "a call raising SystemExit ends its worker thread (WorkItem.run() "
                               "re-raises it) and the pool never replaces it: with every other worker busy, queued "
                               "calls never start"),
    "EXEC-SHUTDOWN-1": _deviation("EXEC-SHUTDOWN-1", "shutdown(wait=True) holds the pool's lock while it waits for "
                                  "the queue to drain, so a submit() meanwhile blocks until every call has finished "
                                  "instead of raising RuntimeError"),
    "EXEC-SHUTDOWN-2": _deviation("EXEC-SHUTDOWN-2", "shutdown(wait=False) stops every worker after its current "
                                  "call, so the calls still queued never run and their futures never finish"),
    "EXEC-SHUTDOWN-3": _deviation("EXEC-SHUTDOWN-3", "shutdown() accepts cancel_futures and ignores it: queued "
                                  "calls are not cancelled, and after shutdown(wait=False) they never finish"),
    "EXEC-SHUTDOWN-5": _deviation("EXEC-SHUTDOWN-5", "shutdown(wait=True) holds the pool's lock while it waits for "
                                  "the queue to drain, so a second shutdown() blocks until every call has finished"),
    "EXEC-EXIT-3": _deviation("EXEC-EXIT-3", "submit() is accepted while the exit waits for a running call: the exit "
                              "hook (an atexit hook) sets a module flag that only the workers read, so every "
                              "submit() is queued, and never runs"),
}
PROCESS_POOL = {
    **FALSY_EXCEPTION, **SUBMIT,
    **({"EXEC-BROKEN-2": _deviation("EXEC-BROKEN-2", "the standard library's process pool, which futurist's extends, "
                                    "fails the pending futures one by one when a worker dies and stops at the first "
                                    "one cancelled while queued (InvalidStateError), so the calls queued after it "
                                    "never finish; fixed in 3.12", "https://github.com/python/cpython/issues/107219")}
       if sys.version_info < (3, 12) else {}),
    "EXEC-RUN-2": _deviation("EXEC-RUN-2", "the standard library's process pool, which futurist's extends, marks "
                             "the calls it moves into its call queue RUNNING before they start",
                             "https://github.com/python/cpython/issues/81457"),
    "EXEC-MAP-4": _deviation("EXEC-MAP-4", "for the same reason, closing map()'s iterator cannot cancel the calls in "
                             "the call queue, and they run", "https://github.com/python/cpython/issues/81457"),
}


class FuturistAdapter(ModuleAdapter):
    """A futurist executor class; futurist's Future is concurrent.futures.Future, so are its exception classes."""

    def __init__(self, name, executor_class_name, executor_options=None, deviations=None):
        futurist = requires.library("futurist", name, env="futurist")
        super().__init__(futurist, name, getattr(futurist, executor_class_name), executor_options, deviations)
        if futurist.Future is concurrent.futures.Future:  # the fallbacks are then futurist's own classes
            self.fallbacks = [role for role in self.fallbacks if role != "InvalidStateError"]
            self.capabilities = self.capabilities | {"invalid-state-error"}


class SynchronousAdapter(FuturistAdapter):
    """SynchronousExecutor: no workers, no max_workers; each call runs inside submit()."""

    def __init__(self):
        super().__init__("futurist-sync", "SynchronousExecutor", deviations=FALSY_EXCEPTION)
        self.capabilities = self.capabilities - {"workers", "worker-crash", "initializer"}

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return self.executor_class()


def load_thread():
    adapter = FuturistAdapter("futurist-thread", "ThreadPoolExecutor", deviations=THREAD_POOL)
    # Its workers are futurist._thread.ThreadWorker, a threading.Thread subclass made at import, which the controlled
    # scheduler cannot make cooperative: they would run free beside a scheduled submit()/shutdown() race (which once
    # reported a false EXEC-ATOMIC-1), so the executor's races are not explored; the Future's are.
    adapter.race_targets = {"executor": None}
    return adapter


def load_process():
    return FuturistAdapter("futurist-process", "ProcessPoolExecutor",
                           {"mp_context": multiprocessing.get_context("spawn")}, deviations=PROCESS_POOL)


def load_sync():
    return SynchronousAdapter()
