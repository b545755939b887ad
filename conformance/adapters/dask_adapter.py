"""`dask` (the futures of `Client.submit`) and `dask-executor` (`client.get_executor()`): dask.distributed on a
`LocalCluster` on loopback, checked as installed from PyPI by `tox -e dask`.

Neither face has a future the suite could complete by hand: a dask future is finished by the scheduler only, and
the executor face hands out `concurrent.futures.Future`s that dask completes (the standard library's, checked by the
`stdlib` adapters). So neither declares `bare-future`: the Future, race and wait machines are not applicable, and
the futures are judged as the executor machine meets them. `Client.submit` has no executor shape; the adapter sees
it through `ClientView`, one `Client` per executor the suite asks for, whose `shutdown()` waits for its futures (when
asked to) and closes that client, as a user would. `ClientView.submit` passes `pure=False` (by default dask gives
equal calls one key, and so one result) and holds a reference to each future (a dask future nobody refers to is
released, and its task forgotten); `get_executor(pure=False)` likewise.

The cluster is threaded (`processes=False`; it needs no `host=`; `dask-processes` below differs), one per
`max_workers` (one worker with that many threads), started by the adapter when first needed and closed when the
process exits. Task arguments are pickled even in one process: the gates are `DaskGate`s, which pickle as a
number and unpickle as the same gate.
A call that raises `SystemExit` or `KeyboardInterrupt` kills the cluster's event loop (EXEC-SUBMIT-2): the adapter
then starts a new cluster for the next executor.

Each deviation is reproduced with dask alone by a script in results/repro/dask/. The adapter allows a scheduler round
trip on a loaded machine: `executor_startup` (a call reaching a worker) and `executor_round_trip` (every call into
the executor: Client.close(), Client.cancel() and map() each wait on the cluster's event loop).
Some of dask's deviations show only under timings the suite does not control (which tasks the scheduler has
already handed to the worker; how far a map() iterator read in another thread has got): they are declared with
`sometimes` (each reproduction still fails every time), so a run that does not provoke one reports it untested.
EXEC-SHUTDOWN-2 is one of them: queued calls that never start after shutdown(wait=False) spend that clause's hang
budget, after which the suite reported the shutdown() calls themselves as hanging (refused, "0.05 s"); being
declared, those are muted too, so a shutdown(wait=False) that really hung would go unseen here. Declared by design
of dask (each citing the pull request that chose it): a program that ends while a call runs does not wait for it
(EXEC-EXIT-1, and EXEC-EXIT-2 with the client dropped: daemon worker threads, clusters closed by distributed's atexit
hooks), and map() refuses an iterator as input (EXEC-MAP-11: TypeError before the input is read, so its own error never
surfaces). EXEC-START-3 (a SHOULD: dask does not promise FIFO order) is declared with `sometimes`. On the `dask` face a
dropped result is freed a few milliseconds after next() returned it, once the scheduler has heard its future is gone:
EXEC-MAP-10's check waits for that under the watchdog (it failed some seeds while it gave dask only a garbage
collection's duration).
`dask-processes` is the `dask` face on a cluster whose worker is a process of its own (`processes=True`, on
127.0.0.1), its gates process gates (a multiprocessing manager's; the worker, a multiprocessing child of its nanny,
shares the suite's authkey). There a call raising SystemExit or KeyboardInterrupt ends the worker process and the
scheduler retries it until KilledWorker (EXEC-SUBMIT-2), and the exit ends the worker process with its running call,
about 4 s after the main thread ended (EXEC-EXIT-1, and EXEC-EXIT-2 with the client dropped): longer than the suite's
window (half the hang limit), so the adapter declares `executor_exit` and the suite sees it on every run (it was
declared `sometimes` before). The capability `worker-crash` is not declared (a worker's death is retried, not
reported as a broken executor).
"""
import atexit
import concurrent.futures
import itertools
import multiprocessing
import os
import threading
import time
import weakref

from ..adapter import Adapter, Deviation
from .. import gates
from . import requires

REPRO = "results/repro/dask/"
NO_ISSUE = "no upstream issue found"


def _deviation(clause, reason, issue=NO_ISSUE, face="", sometimes=False):
    return Deviation(f"{reason} (reproduced with dask alone by {REPRO}{face}{clause}.py)", issue, sometimes)


_HANDED = ("; the suite provokes it only when the worker was handed the task before the cancellation reached it, "
           "which the scheduler's timing decides")
_CLOSED = ("Client.close() (the view's shutdown) releases the futures a map() iterator still reads: next() raises "
           "FutureCancelledError for a call running or finished; the suite provokes it only when its iterator is "
           "still read after shutdown()")
_CANCELLED = ("ClientExecutor.shutdown(wait=False) cancels the futures map()'s iterator has reached: a next() waiting "
              "for a call still running raises FutureCancelledError; the suite provokes it only when the iterator "
              "has reached that call before shutdown(), a race of its threads")


_PR_2730 = "https://github.com/dask/distributed/pull/2730 (closes clusters at exit, by design)"
_EXIT = ("the worker runs its calls in daemon threads, and distributed's atexit hooks close the LocalCluster, "
         "cancelling the running task: a program that ends while a call runs exits without waiting for it")
_ITERATOR = ("Client.map() refuses an iterator (here a generator whose next() raises) with TypeError('Dask no longer "
             "supports mapping over Iterators or Queues...'), before reading it; the executor's map() calls it")
_INTERRUPT = ("a call raising KeyboardInterrupt or SystemExit stops the event loop of the threaded LocalCluster: its "
              "future never finishes, and the cluster runs nothing more")
CLIENT = {
    "EXEC-SUBMIT-2": _deviation("EXEC-SUBMIT-2", _INTERRUPT),
    "EXEC-SUBMIT-4": _deviation("EXEC-SUBMIT-4", "Client.submit(self, func, *args, key=, workers=, pure=, ...) keeps "
                                "`self` and its own options for itself: a call keyword named self is a TypeError, "
                                "one named key or priority is taken as an option"),
    "EXEC-CANCEL-1": _deviation("EXEC-CANCEL-1", "Future.cancel() returns None, not True"),
    "EXEC-SUBMIT-1": _deviation("EXEC-SUBMIT-1", "Client.close() (the view's shutdown) releases the client's futures: "
                                "the future of a call still running is at once done, cancelled"),
    "EXEC-SHUTDOWN-1": _deviation("EXEC-SHUTDOWN-1", "Client.submit() on a closed client raises ClosedClientError, "
                                  "which is not a RuntimeError"),
    "WAIT-TIMEOUT-1": _deviation("WAIT-TIMEOUT-1", "distributed.wait() raises TimeoutError when its timeout expires "
                                 "(as its docstring says) instead of returning the futures done and not done"),
    "EXEC-MAP-4": _deviation("EXEC-MAP-4", "Client.cancel() of calls queued behind a busy worker thread marks their "
                             "futures cancelled, yet the worker, already handed them, runs them" + _HANDED,
                             sometimes=True),
    "EXEC-MAP-1": _deviation("EXEC-MAP-1", _CLOSED, sometimes=True),
    "EXEC-SHUTDOWN-2": _deviation("EXEC-SHUTDOWN-2", "Client.close() (the view's shutdown(wait=False)) releases the "
                                  "futures of calls queued behind a busy worker thread: they never run" + _HANDED,
                                  sometimes=True),
    "EXEC-MAP-3": _deviation("EXEC-MAP-1", _CLOSED + " (here: a call that raised)", sometimes=True),
    "EXEC-EXIT-1": _deviation("EXEC-EXIT-1", _EXIT, _PR_2730),
    "EXEC-EXIT-2": _deviation("EXEC-EXIT-2", "as EXEC-EXIT-1, the client dropped (no reference left, collected): "
                              + _EXIT, _PR_2730),
    "EXEC-MAP-11": _deviation("EXEC-MAP-11", _ITERATOR, "https://github.com/dask/distributed/pull/2671 (removed "
                              "iterators as input, by design)"),
    "EXEC-START-3": _deviation("EXEC-START-3", "the worker runs the tasks it holds by priority, not by arrival: a call "
                               "submitted after a map() may start before the map's calls still queued; the suite sees "
                               "it only when the worker had already been handed those tasks, which the scheduler's "
                               "timing decides", sometimes=True),
}
EXECUTOR = {
    "EXEC-SUBMIT-2": CLIENT["EXEC-SUBMIT-2"],
    "EXEC-MAP-4": CLIENT["EXEC-MAP-4"],
    "EXEC-EXIT-1": CLIENT["EXEC-EXIT-1"],
    "EXEC-EXIT-2": CLIENT["EXEC-EXIT-2"],
    "EXEC-MAP-11": CLIENT["EXEC-MAP-11"],
    "EXEC-START-3": CLIENT["EXEC-START-3"],
    "EXEC-SUBMIT-4": _deviation("EXEC-SUBMIT-4", "ClientExecutor.submit(self, fn, *args, **kwargs): a call keyword "
                                "named fn is a TypeError"),
    "EXEC-CANCEL-1": _deviation("EXEC-CANCEL-1", "cancel() of a queued call's future returns True, and a callback "
                                "cancels the dask future, but the worker, already handed the task, runs it" + _HANDED,
                                face="executor-", sometimes=True),
    "EXEC-MAP-1": _deviation("EXEC-MAP-1", _CANCELLED, face="executor-", sometimes=True),
    "EXEC-SHUTDOWN-2": _deviation("EXEC-SHUTDOWN-2", "shutdown(wait=False) cancels the futures of calls queued "
                                  "behind a busy worker thread: they never run" + _HANDED, face="executor-",
                                  sometimes=True),
    "EXEC-MAP-3": _deviation("EXEC-MAP-1", _CANCELLED + " (here: a call that raised)", face="executor-",
                             sometimes=True),
    "EXEC-SHUTDOWN-4": _deviation("EXEC-SHUTDOWN-4", "shutdown(wait=True) waits only for the futures in its WeakSet, "
                                  "and map() adds one there only when its iterator reaches it: calls of map() not yet "
                                  "reached are not waited for; the suite provokes it only when its iterator is behind",
                                  face="executor-", sometimes=True),
    "EXEC-SUBMIT-1": _deviation("EXEC-SUBMIT-1", "ClientExecutor.shutdown(wait=False) cancels every future it "
                                "handed out, as its docstring says: a running call's future becomes done, cancelled; "
                                "the cancellation reaches the future a moment after shutdown() returns, so the suite "
                                "sees it only when its next look at the future comes after that",
                                face="executor-", sometimes=True),
    "EXEC-MAP-10": _deviation("EXEC-MAP-10", "map()'s iterator walks iter() of the list of all its futures: that list "
                              "keeps every future, and so every result the cluster holds for it, alive until the "
                              "iterator is done", face="executor-"),
    "EXEC-MAP-5": _deviation("EXEC-MAP-5", "once map()'s timeout has expired, next() passes future.result() a "
                             "negative time left, which dask's parse_timedelta() cannot read: ValueError, not "
                             "TimeoutError", face="executor-"),
}

_PROCESS_EXIT = ("distributed's atexit hooks close the cluster, whose nanny ends the worker process and the running "
                 "call with it (after 4 s): the program exits without waiting for the call, a few seconds after its "
                 "main thread ended (within the adapter's executor_exit)")
PROCESSES = {
    **CLIENT,
    "EXEC-SUBMIT-2": _deviation("EXEC-SUBMIT-2", "a call raising SystemExit or KeyboardInterrupt ends the worker "
                                "process; the nanny starts another and the scheduler runs the call again there, until "
                                "it gives up (allowed-failures): the future raises KilledWorker seconds later, not the "
                                "call's exception", "https://github.com/dask/distributed/issues/1925 (open; "
                                "sys.exit in a task: #2078)", face="processes-"),
    "EXEC-EXIT-1": _deviation("EXEC-EXIT-1", _PROCESS_EXIT, _PR_2730, face="processes-"),
    "EXEC-EXIT-2": _deviation("EXEC-EXIT-2", "as EXEC-EXIT-1, the client dropped: " + _PROCESS_EXIT, _PR_2730,
                              face="processes-"),
    "EXEC-EXIT-3": _deviation("EXEC-EXIT-3", "Client.submit() is accepted after the main thread ended, for the seconds "
                              "distributed's atexit hooks take to close the cluster (EXEC-EXIT-1), until the process "
                              "ends", face="processes-"),
}


class DaskGate(gates.ThreadGate):
    """A gate (conformance/gates.py) for the threaded cluster's workers, which share the suite's memory. Task
    arguments are pickled even in one process, so a gate pickles as its number in GATES and unpickles as the gate
    itself. Not distributed.Event: every look at one is a round trip to the scheduler made from the suite's thread,
    which blocks for ever once a call has stopped the cluster's event loop (EXEC-SUBMIT-2)."""

    numbers = itertools.count(1)

    def __init__(self):
        super().__init__()
        self.number = next(self.numbers)
        GATES[self.number] = self

    def __reduce__(self):
        return _gate, (self.number,)


class WorkerProcessGate(gates.ProcessGate):
    """A process gate (dask-processes) that tells the adapter when it lets its call raise SystemExit or
    KeyboardInterrupt: that ends the worker process, and the scheduler runs the call again on the next one, ending it
    too, for seconds (EXEC-SUBMIT-2). The adapter then makes its next executor on new clusters, so that no later
    example waits for that one. Pickled without the adapter's clusters."""

    def __init__(self, manager, clusters):
        super().__init__(manager)
        self._clusters = clusters

    def release(self, outcome):
        if outcome.kind == "raise" and not isinstance(outcome.value, Exception):
            self._clusters.ended = True
        super().release(outcome)

    def __getstate__(self):
        return {key: value for key, value in self.__dict__.items() if key != "_clusters"}


GATES = weakref.WeakValueDictionary()  # number -> gate: the gates a worker may still unpickle


def _gate(number):
    return GATES[number]


class ClientView:
    """`Client.submit` as the executor the suite drives: submit() and map() with pure=False, every future held, and
    shutdown() waiting for them (wait=True) before closing the view's own client. Only the first shutdown() acts: a
    second one, made while a shutdown(wait=True) still waits in another thread, returns at once and leaves the
    closing to it (closing the client under a gather() in flight would break that gather, not dask's promise)."""

    def __init__(self, client):
        self.client = client
        self.futures = []
        self.closed = False
        self.lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        future = self.client.submit(fn, *args, pure=False, **kwargs)
        self.futures.append(future)
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Client.map, its results read in order as concurrent.futures' map() yields them; closing the iterator
        cancels the calls not yet read."""
        futures = self.client.map(fn, *iterables, pure=False)
        self.futures.extend(futures)
        deadline = None if timeout is None else time.monotonic() + timeout

        def results(remaining):  # an argument, not a closure over `futures`: that list would keep every result
            try:
                while remaining:
                    future = remaining.pop(0)
                    result = future.result(None if deadline is None else max(0.0, deadline - time.monotonic()))
                    self.futures = [f for f in self.futures if f is not future]  # done: shutdown() needs it no more
                    yield result  # and no reference to its future keeps the result alive (EXEC-MAP-10)
            finally:
                try:
                    self.client.cancel(remaining)
                except Exception:
                    if self.client.status == "running":
                        raise
                    # a closed client (shutdown() in another thread) has released its futures already
        return results(list(futures))

    def shutdown(self, wait=True):
        with self.lock:
            first, self.closed = not self.closed, True
        if not first:
            return
        if wait:
            self.client.gather(self.futures, errors="skip")
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.shutdown(wait=True)


class Clusters:
    """The run's LocalClusters, one per max_workers, each started when first needed and all closed at exit."""

    def __init__(self, distributed, processes=False):
        self.distributed = distributed
        self.processes = processes
        self.clusters = {}  # max_workers -> cluster
        self.ended = False  # a call was let end its worker process (WorkerProcessGate): start anew
        atexit.register(self.close)

    def client(self, max_workers):
        """A new Client of the cluster with `max_workers` threads; a cluster whose event loop died is replaced, and so
        is one whose loop is still dying when the client connects (distributed's sync() then raises what it can:
        UnboundLocalError or AssertionError were seen): the new cluster is tried once. After a call ended its worker
        process, every cluster is replaced."""
        if self.ended:
            self.ended = False
            self.close()
        try:
            return self.distributed.Client(self.cluster(max_workers), set_as_default=False)
        except Exception:
            _close_quietly(self.clusters.pop(max_workers))
            return self.distributed.Client(self.cluster(max_workers), set_as_default=False)

    def cluster(self, max_workers):
        cluster = self.clusters.get(max_workers)
        if cluster is not None and not _alive(cluster):
            _close_quietly(self.clusters.pop(max_workers))
            cluster = None
        if cluster is None:
            where = {"host": "127.0.0.1"} if self.processes else {}  # a worker process listens on loopback only
            cluster = self.clusters[max_workers] = self.distributed.LocalCluster(
                n_workers=1, threads_per_worker=max_workers, processes=self.processes,
                dashboard_address=":0", **where)  # any free port: a run may start many clusters
        return cluster

    def close(self):
        for cluster in self.clusters.values():
            _close_quietly(cluster)
        self.clusters.clear()


def _threads(max_workers):
    """max_workers is the adapter's own choice of cluster (the threads of its one worker), so the adapter validates
    it as an executor would: dask has no executor constructor to judge (EXEC-START-4). None: a thread per CPU, as
    LocalCluster's default."""
    if max_workers is None:
        return os.cpu_count() or 1
    if max_workers < 1:
        raise ValueError(f"max_workers must be at least 1, not {max_workers}")
    return max_workers


def _alive(cluster):
    loop = getattr(cluster.loop, "asyncio_loop", None)
    return loop is not None and not loop.is_closed() and str(cluster.status) == "Status.running"


def _close_quietly(cluster):
    try:
        cluster.close(timeout=5)
    except BaseException:  # noqa: B036 - a dead cluster's close() raises what killed its loop (SystemExit too)
        pass


class DaskAdapter(Adapter):
    """The futures of Client.submit, through ClientView; distributed.wait() and as_completed()."""

    name = "dask"
    capabilities = frozenset({"executor", "workers", "wait"})
    deviations = CLIENT
    executor_startup = 10.0  # a call's trip through the scheduler to the worker, on a loaded machine
    executor_round_trip = 2.0  # Client.close(), Client.cancel(), map(): round trips through the event loop

    processes = False  # the cluster's worker: a thread pool in this process, or a process of its own (*-processes)

    def __init__(self):
        self.distributed = requires.library("distributed", self.name, package="distributed", env="dask")
        self.CancelledError = self.distributed.client.FutureCancelledError
        self.TimeoutError = self.distributed.TimeoutError
        self.clusters = Clusters(self.distributed, self.processes)
        self.manager = None

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return ClientView(self.clusters.client(_threads(max_workers)))

    def new_gate(self):
        if not self.processes:
            return DaskGate()
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return WorkerProcessGate(self.manager, self.clusters)

    # distributed.wait() and as_completed() find their client with default_client(): the client of the futures is
    # made the current one (the adapter's clients are not made the default).
    def wait(self, fs, timeout=None, return_when="ALL_COMPLETED"):
        fs = list(fs)
        with self._current(fs):
            return self.distributed.wait(fs, timeout=timeout, return_when=return_when)

    def as_completed(self, fs, timeout=None):
        fs = list(fs)
        with self._current(fs):
            return self.distributed.as_completed(fs, timeout=timeout)

    def _current(self, fs):
        return (fs[0].client if fs else self.clusters.client(1)).as_current()

    def describe(self):
        description = dict(super().describe())
        description["notes"] = ["futures of Client.submit(pure=False) on a threaded LocalCluster, seen through "
                                "conformance.adapters.dask_adapter.ClientView"]
        return description


class DaskExecutorAdapter(DaskAdapter):
    """client.get_executor(pure=False): a concurrent.futures.Executor whose futures are the standard library's."""

    name = "dask-executor"
    capabilities = frozenset({"executor", "workers"})
    deviations = EXECUTOR
    CancelledError = concurrent.futures.CancelledError
    TimeoutError = concurrent.futures.TimeoutError

    def __init__(self):
        super().__init__()
        del self.CancelledError, self.TimeoutError  # the futures are concurrent.futures': so are their exceptions

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return self.clusters.client(_threads(max_workers)).get_executor(pure=False)

    def describe(self):
        description = dict(Adapter.describe(self))
        description["notes"] = ["client.get_executor(pure=False) on a threaded LocalCluster"]
        return description


class DaskProcessesAdapter(DaskAdapter):
    """Client.submit on a LocalCluster whose worker is a process of its own (processes=True, on 127.0.0.1)."""

    name = "dask-processes"
    processes = True
    deviations = PROCESSES
    executor_exit = 10.0  # distributed's atexit hooks close the cluster: the process ends ~4 s after its main thread
    # After a call ended the worker process (EXEC-SUBMIT-2), the next new_executor() closes the clusters (5 s each at
    # most) and starts one with a new worker process: 14 s (the hang limit, the round trip and 10 s) were too few under
    # a load of ~8 (seed 1 on 2026-12-02: new_executor(1) judged stuck, not reproduced when replayed).
    executor_startup = 20.0

    def describe(self):
        description = dict(Adapter.describe(self))
        description["notes"] = ["futures of Client.submit(pure=False) on a LocalCluster with a worker process "
                                "(processes=True, host 127.0.0.1), seen through "
                                "conformance.adapters.dask_adapter.ClientView"]
        return description
