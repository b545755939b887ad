"""A minimal thread-pool executor, wait() and as_completed() that satisfy spec/executors.md.

The executor keeps one FIFO queue under one condition; workers start on demand, up to max_workers. wait() and
as_completed() learn of completions through done-callbacks, which every future runs on cancel() as well as on
completion, so a cancelled future wakes them like any other (unlike CPython's, see WAIT-CANCEL-1).
"""
import collections
import queue
import threading
import time
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, BrokenExecutor, TimeoutError
from typing import NamedTuple

from .future import CancelledError, Future, InvalidStateError

__all__ = ["ThreadPoolExecutor", "wait", "as_completed", "ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION",
           "BrokenExecutor", "Future", "CancelledError", "InvalidStateError", "TimeoutError"]


class ThreadPoolExecutor:
    """Runs calls on up to max_workers threads, in submission order."""

    def __init__(self, max_workers, initializer=None, initargs=()):
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")  # EXEC-START-4
        self._max_workers = max_workers
        self._initializer, self._initargs = initializer, initargs
        self._work = threading.Condition()
        self._queue = collections.deque()  # (future, fn, args), oldest first: EXEC-START-3
        self._workers = []
        self._idle = 0
        self._shutdown = False
        self._broken = None  # why the executor is broken: EXEC-BROKEN-1

    def submit(self, fn, *args, **kwargs):
        """EXEC-SUBMIT-1, EXEC-SHUTDOWN-1."""
        with self._work:
            if self._broken:
                raise BrokenExecutor(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot submit after shutdown")
            future = Future()
            self._queue.append((future, fn, args, kwargs))
            if self._idle < len(self._queue) and len(self._workers) < self._max_workers:  # EXEC-START-1/2
                worker = threading.Thread(target=self._work_loop, name="reference-executor-worker", daemon=True)
                self._workers.append(worker)
                worker.start()
            self._work.notify()
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """EXEC-MAP-1..5: every call submitted now, the deadline counted from now; chunksize is ignored."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results_in_order(collections.deque(futures), deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """EXEC-SHUTDOWN-1..5."""
        with self._work:
            self._shutdown = True
            cancelled = self._queue if cancel_futures else ()
            if cancel_futures:
                self._queue = collections.deque()
            self._work.notify_all()
            workers = list(self._workers)
        for future, *_ in cancelled:
            future.cancel()
        if wait:
            for worker in workers:
                worker.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.shutdown(wait=True)
        return False

    def _work_loop(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException as error:
                self._break(f"the initializer raised {type(error).__name__}")
                return
        while True:
            queued = self._next_call()
            if queued is None:
                return
            self._run_call(*queued)

    def _next_call(self):
        """The oldest queued call, once there is one; None when shut down or broken with nothing left queued."""
        with self._work:
            self._idle += 1
            self._work.wait_for(lambda: self._queue or self._shutdown or self._broken)
            self._idle -= 1
            return self._queue.popleft() if self._queue else None

    @staticmethod
    def _run_call(future, fn, args, kwargs):
        if not future.set_running_or_notify_cancel():  # cancelled while queued: EXEC-CANCEL-1
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:  # EXEC-SUBMIT-2: whatever the call raises lands in its future
            future.set_exception(error)
        else:
            future.set_result(result)

    def _break(self, reason):
        """EXEC-BROKEN-1: fail every queued call; submit() refuses from now on."""
        with self._work:
            self._broken = reason
            failed, self._queue = self._queue, collections.deque()
            self._work.notify_all()
        for future, *_ in failed:
            if future.set_running_or_notify_cancel():
                future.set_exception(BrokenExecutor(reason))


def _results_in_order(futures, deadline):
    """The iterator map() returns. Closing it, or an exception escaping it, cancels what has not run (EXEC-MAP-4)."""
    try:
        while futures:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            yield futures[0].result(timeout)
            futures.popleft()
    finally:
        for future in futures:
            future.cancel()


class DoneAndNotDoneFutures(NamedTuple):
    done: set
    not_done: set


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """WAIT-DONE-1, WAIT-RETURN-1..3, WAIT-CANCEL-1, WAIT-TIMEOUT-1, WAIT-INPUT-1."""
    fs = set(fs)
    changed = threading.Condition()

    def notify(_):
        with changed:
            changed.notify_all()

    def condition_met():
        done = [f for f in fs if f.done()]
        if len(done) == len(fs):  # nothing left to wait for (nothing at all, for an empty fs)
            return True
        if return_when == FIRST_COMPLETED:
            return bool(done)
        return return_when == FIRST_EXCEPTION and any(not f.cancelled() and f.exception() is not None for f in done)

    for f in fs:
        f.add_done_callback(notify)
    with changed:
        changed.wait_for(condition_met, None if timeout is None else max(0.0, timeout))
    done = {f for f in fs if f.done()}
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """ASCOMP-ORDER-1, ASCOMP-ONCE-1, ASCOMP-CANCEL-1, ASCOMP-TIMEOUT-1/2, ASCOMP-CLOSE-1. The clock starts at this
    call, as CPython's documentation says (ASCOMP-TIMEOUT-3)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    finished = queue.SimpleQueue()
    for f in fs:  # a done future runs its callback at once: those are queued first
        f.add_done_callback(finished.put)
    return _yield_as_completed(fs, finished, deadline)


def _yield_as_completed(fs, finished, deadline):
    pending = set(fs)
    while pending:
        try:
            f = finished.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError(f"{len(pending)} (of {len(fs)}) futures unfinished") from None
        pending.discard(f)
        yield f
