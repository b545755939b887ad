"""`pebble-thread` and `pebble-process`: pebble's ThreadPool and ProcessPool, checked as installed from PyPI by
`tox -e pebble`.

pebble's pools are not concurrent.futures executors: they `schedule(fn, args=, kwargs=, timeout=)`, `close()` then
`join()` (or `stop()`), and their `map()` returns a future whose result is the iterator of results. PoolView
presents a pool through the executor contract by translating each call to pebble's own, adding no behaviour:

| the contract                     | pebble                                                                    |
|----------------------------------|---------------------------------------------------------------------------|
| submit(fn, /, *args, **kwargs)   | pool.schedule(fn, args=args, kwargs=kwargs)                               |
| max_workers=None                 | no max_workers argument: pebble's default, cpu_count()                    |
| map(fn, items, timeout=t)        | pool.map(fn, items, timeout=t), whose future's result() is iterated       |
| closing map()'s iterator         | cancel() of the future map() returned (pebble's way to drop a map)        |
| shutdown(wait=True/False)        | pool.close(), then pool.join() when waiting                               |
| with executor:                   | the same as shutdown(wait=True), as pebble's own `with pool:` does        |

What pebble does not have is declared as missing capabilities: no `wait` (no wait()/as_completed() of its own)
and no `cancel-futures` (its stop() also drops the running calls: a process pool terminates them); nor, for now,
`thread-name-prefix`, `max-tasks-per-child`, `mp-context`: pebble's own options (`max_tasks`, `context`) are not
passed through yet. Where pebble
departs from the spec by design or by a bug, the adapters declare a deviation, each reproduced with pebble alone by
a script in results/repro/pebble/.

Declared with `sometimes`, because the suite sees them only under timings it does not control: ProcessPool sends
every call down its workers' channel when it is scheduled, so a queued call cancelled by cancel() (or by closing
map()'s iterator) is still taken and started by a worker, which the pool kills within 0.1 s; whether the suite's
gate got to report its start first is a race (EXEC-CANCEL-1.py and EXEC-MAP-4.py show the call starting every time).
Not declared: its map(timeout=) is an execution deadline of each call, counted from the call's start, so EXEC-MAP-5
passes only while a worker starts the call promptly. Both are in CI: pebble-thread passed seeds 0-4 of the dev
profile, pebble-process (in CI since 2026-12-02) seeds 0-7. Both pools' map() iterators keep the
results they have yielded (EXEC-MAP-10, a SHOULD), and neither pool holds the exit for a running call, kept or
dropped (EXEC-EXIT-1, EXEC-EXIT-2).
(A running call whose cancel() returned True, a muted EXEC-RUN-1, is retired by the suite, which no longer reports
EXEC-SUBMIT-2 for it.)
"""
import concurrent.futures
import multiprocessing
import sys

from .. import gates
from ..adapter import CAPABILITIES, Adapter, Deviation
from . import requires

REPRO = "results/repro/pebble/"
NO_ISSUE = "no upstream issue found"


def _deviation(clause, reason, issue=NO_ISSUE, sometimes=False):
    return Deviation(f"{reason} (reproduced with pebble alone by {REPRO}{clause}.py)", issue, sometimes)


BOTH = {
    "EXEC-START-4": _deviation("EXEC-START-4", "a pool accepts max_workers=0 (and negative) without an error"),
    **({"CF-RESULT-3": _deviation("CF-RESULT-3", "pebble's futures are the standard library's Future (ThreadPool) "
                                  "and a subclass of it (ProcessFuture), whose result() returns None for an exception "
                                  "whose truth value is false before 3.13.4; from set_exception() and from a call "
                                  "raising it in either pool alike", "https://github.com/python/cpython/issues/132063")}
       if sys.version_info < (3, 13, 4) else {}),
    "EXEC-INIT-2": _deviation("EXEC-INIT-2", "a pool accepts a non-callable initializer (initializer=42) without an "
                              "error; it fails in the workers instead"),
    "EXEC-EXIT-1": _deviation("EXEC-EXIT-1", "a program that ends while a call runs exits without waiting for it: the "
                              "ThreadPool runs its calls in daemon threads, which the interpreter kills at exit, and "
                              "the ProcessPool's worker processes are terminated at exit"),
    "EXEC-EXIT-2": _deviation("EXEC-EXIT-2", "as EXEC-EXIT-1, the pool dropped (no reference left, collected) while "
                              "its call runs: the exit kills the call all the same"),
    "EXEC-MAP-10": _deviation("EXEC-MAP-10", "map()'s future holds the list of every call's future, and the iterator "
                              "its result() hands out chains a generator over that list: every result stays alive "
                              "until the iterator is dropped"),
    "EXEC-MAP-3": _deviation("EXEC-MAP-3", "map()'s iterator (MapResults) goes on after next() raised an item's "
                             "exception: the next next() yields the items after it, by design",
                             "https://github.com/noxdafox/pebble/issues/132 (the maintainer goes on with next() past "
                             "a failed chunk)"),
}
THREAD_POOL = {
    **BOTH,
    "EXEC-MAP-5": _deviation("EXEC-MAP-5", "map()'s timeout applies to each item's result (documented: 'The timeout "
                             "is applied to each chunk'), and the iterator is only handed out once the first call "
                             "has finished, so a next() made after the timeout has passed still waits"),
    "EXEC-BROKEN-1": _deviation("EXEC-BROKEN-1", "when the initializer raises, the ThreadPool enters an error state "
                                "in which the queued calls never run and their futures never finish; submit() then "
                                "raises RuntimeError, not BrokenExecutor"),
}
_QUEUED = ("a call still queued when it is cancelled has already been sent down the workers' channel: the next free "
           "worker takes it and starts it before the pool, seeing it cancelled, terminates that worker; the suite sees "
           "the start only when its gate reports it before the worker dies, a race")
PEBBLE_144 = "https://github.com/noxdafox/pebble/issues/144"  # closed: a cancelled queued task still starts briefly
PROCESS_POOL = {
    **BOTH,
    "EXEC-CANCEL-1": _deviation("EXEC-CANCEL-1", "cancel() of a queued call's future returns True, yet " + _QUEUED,
                                PEBBLE_144, sometimes=True),
    "EXEC-MAP-4": _deviation("EXEC-MAP-4", "closing map()'s iterator (cancel() of the future map() returned) "
                             "cancels the calls not started, yet " + _QUEUED, PEBBLE_144,
                             sometimes=True),
    "CF-CANCEL-2": _deviation("CF-CANCEL-2", "ProcessFuture.cancel() of a RUNNING future returns True and cancels it "
                              "(documented: cancelling a running call terminates its worker)"),
    "EXEC-RUN-1": _deviation("EXEC-RUN-1", "for the same reason, cancel() of a running call returns True: the pool "
                             "terminates the worker running it (documented behaviour, not a bug); and a call's future "
                             "turns RUNNING only once the pool's thread has read the worker's acknowledgement, so a "
                             "call that has started may for a moment not be running()"),
    "EXEC-BROKEN-1": _deviation("EXEC-BROKEN-1", "when the initializer raises, the queued calls finish with "
                                "BrokenProcessPool, but a later submit() raises RuntimeError ('Unexpected error "
                                "within the Pool'), not BrokenExecutor"),
    "EXEC-BROKEN-2": _deviation("EXEC-BROKEN-2", "a worker that dies is replaced and only the call it was running "
                                "fails, with pebble.ProcessExpired: by design the pool is not broken (if it dies "
                                "before the pool saw it take the call, every call fails with BrokenProcessPool, "
                                "but a later submit() raises RuntimeError)"),
}


class MapIterator:
    """The iterator of map()'s results, over the future pebble's map() returns: the first next() waits for that
    future's result (pebble sets it once the first call has finished), then iterates it."""

    def __init__(self, future):
        self.future = future
        self.results = None

    def __iter__(self):
        return self

    def __next__(self):
        if self.results is None:
            self.results = iter(self.future.result())
        return next(self.results)

    def close(self):
        self.future.cancel()


class PoolView:
    """A pebble pool seen through the executor contract (the table in the module's docstring)."""

    def __init__(self, pool):
        self.pool = pool

    def submit(self, fn, /, *args, **kwargs):
        return self.pool.schedule(fn, args=args, kwargs=kwargs)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        return MapIterator(self.pool.map(fn, *iterables, timeout=timeout, chunksize=chunksize))

    def shutdown(self, wait=True, *, cancel_futures=False):
        self.pool.close()
        if wait:
            self.pool.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.shutdown(wait=True)


class PebbleAdapter(Adapter):
    capabilities = frozenset(CAPABILITIES["cf"]) - {"wait", "cancel-futures", "worker-crash", "pickling",
                                                    "thread-name-prefix", "max-tasks-per-child", "mp-context",
                                                    "executor-base"}
    pool_name = ""

    def __init__(self):
        self.pebble = requires.library("pebble", self.name, env="pebble")
        self.pool_class = getattr(self.pebble, self.pool_name)

    def new_future(self):
        return concurrent.futures.Future()  # what ThreadPool.schedule() hands out

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return PoolView(self.pool_class(initializer=initializer, initargs=initargs, **self.workers(max_workers)))

    @staticmethod
    def workers(max_workers):
        """pebble's default is max_workers=cpu_count(), not None: the contract's None is passed as no argument."""
        return {} if max_workers is None else {"max_workers": max_workers}

    def describe(self):
        description = dict(super().describe())
        description["notes"] = [f"executor: pebble.{self.pool_name} {self.pebble.__version__}, seen through "
                                "conformance.adapters.pebble_adapter.PoolView"]
        return description


class PebbleThreadAdapter(PebbleAdapter):
    name = "pebble-thread"
    pool_name = "ThreadPool"
    deviations = THREAD_POOL


class PebbleProcessAdapter(PebbleAdapter):
    """ProcessPool with the spawn start method; its futures are pebble.ProcessFuture. Workers are processes: process
    gates, a fifth of the examples, time to start, and calls may kill their worker."""

    name = "pebble-process"
    pool_name = "ProcessPool"
    deviations = PROCESS_POOL
    capabilities = PebbleAdapter.capabilities | {"worker-crash"}
    executor_examples = 0.2
    executor_startup = 10.0

    def __init__(self):
        super().__init__()
        self.manager = None

    def new_future(self):
        return self.pebble.ProcessFuture()

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return PoolView(self.pool_class(initializer=initializer, initargs=initargs,
                                        context=multiprocessing.get_context("spawn"), **self.workers(max_workers)))

    def new_gate(self):
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return gates.ProcessGate(self.manager)
