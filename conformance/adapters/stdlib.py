"""The standard library's adapters: `stdlib` (concurrent.futures.Future, wait() and as_completed()),
`stdlib-thread` (the same with ThreadPoolExecutor), `stdlib-process` and `stdlib-process-fork`
(ProcessPoolExecutor with the spawn and the fork start method).

Each declares where CPython knowingly departs from the spec, with the upstream issue; the suite proves every one of
them on every run (a deviation it cannot reproduce fails the run, so this list never outlives a fix).
"""
import concurrent.futures
import dataclasses
import multiprocessing
import sys

from ..adapter import Deviation
from .cf_module import ModuleAdapter

CANCEL_NOT_NOTIFIED = {  # wait() and as_completed() only see a cancellation once set_running_or_notify_cancel() ran
    "WAIT-DONE-1": Deviation("wait() reports a future cancelled by cancel() as not done until its executor calls "
                             "set_running_or_notify_cancel()", "https://github.com/python/cpython/issues/109934"),
    "WAIT-CANCEL-1": Deviation("cancel() does not wake wait()", "https://github.com/python/cpython/issues/92001"),
    "ASCOMP-CANCEL-1": Deviation("as_completed() never yields a future cancelled by cancel() alone",
                                 "https://github.com/python/cpython/issues/87893"),
}
QUEUED_CALLS_RUNNING = {  # the process pool marks the calls it moves into its call queue RUNNING before they start
    "EXEC-RUN-2": Deviation("ProcessPoolExecutor reports up to max_workers + 1 queued calls as running, so cancel() "
                            "and shutdown(cancel_futures=True) cannot cancel them",
                            "https://github.com/python/cpython/issues/81457"),
    "EXEC-MAP-4": Deviation("for the same reason, closing map()'s iterator (or its timeout) cannot cancel the calls in "
                            "the process pool's call queue, and they run",
                            "https://github.com/python/cpython/issues/81457"),
}

FALSY_EXCEPTION_SWALLOWED = {  # Future.__get_result() tests `if self._exception:`
    "CF-RESULT-3": Deviation("result() of a future whose exception has a false truth value returns None instead of "
                             "raising it", "https://github.com/python/cpython/issues/132063"),
} if sys.version_info < (3, 13, 4) else {}

INITIALIZER_FAILURE_STOPS_AT_A_CANCELLED_CALL = Deviation(
    "when the initializer fails, the pool fails the queued futures one by one and stops at the first cancelled one "
    "(its set_exception() raises InvalidStateError), so the calls queued after it never finish")
THREAD_POOL_BROKEN = {"EXEC-BROKEN-1": dataclasses.replace(
    INITIALIZER_FAILURE_STOPS_AT_A_CANCELLED_CALL,
    issue="no upstream issue found; the process pool had the same bug until 3.12: "
          "https://github.com/python/cpython/issues/107219")}
PROCESS_POOL_BROKEN = {
    "EXEC-BROKEN-1": dataclasses.replace(INITIALIZER_FAILURE_STOPS_AT_A_CANCELLED_CALL,
                                         issue="https://github.com/python/cpython/issues/107219"),
    "EXEC-BROKEN-2": Deviation("when a worker dies, the manager thread fails the pending futures one by one and dies "
                               "at the first one cancelled while queued (its set_exception() raises "
                               "InvalidStateError), so the calls queued after it never finish",
                               "https://github.com/python/cpython/issues/107219"),
} if sys.version_info < (3, 12) else {}


def shared(deviations, library, borrowed, repro):
    """CPython's DEVIATIONS as they show in LIBRARY, which `borrowed` the parts they are in from the standard library
    (e.g. "re-exports concurrent.futures' wait() and as_completed()"); each is reproduced with that library alone by
    a script REPRO<clause>.py, which the reason cites."""
    return {cid: dataclasses.replace(deviation, reason=f"{deviation.reason}; {library} {borrowed}, so it shares "
                                                       f"CPython's bug (reproduced with {library} alone by {repro}"
                                                       f"{cid}.py)")
            for cid, deviation in deviations.items()}


WORKER_NOT_REPLACED = {  # gh-140900's fix adds ProcessPoolExecutor._replace_dead_worker(): told by it, not by version
    "EXEC-TASKS-1": Deviation("with max_tasks_per_child above 1 and more calls queued than a worker may run, the pool "
                              "does not replace a worker that exited at its limit (a stale token of its idle-worker "
                              "semaphore), so the calls left never run",
                              "https://github.com/python/cpython/issues/115634"),
} if sys.version_info >= (3, 11) and not hasattr(concurrent.futures.ProcessPoolExecutor, "_replace_dead_worker") \
    else {}


def load():
    return ModuleAdapter(concurrent.futures, "stdlib", deviations={**CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED},
                        find_executor=False)


def load_thread():
    return ModuleAdapter(concurrent.futures, "stdlib-thread", concurrent.futures.ThreadPoolExecutor,
                         deviations={**CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED, **THREAD_POOL_BROKEN})


def load_process(start_method="spawn"):
    fork = start_method == "fork"
    adapter = ModuleAdapter(concurrent.futures, f"stdlib-process{'-' + start_method if fork else ''}",
                            concurrent.futures.ProcessPoolExecutor,
                            {"mp_context": multiprocessing.get_context(start_method)},
                            deviations={**CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED, **QUEUED_CALLS_RUNNING,
                                        **PROCESS_POOL_BROKEN, **({} if fork else WORKER_NOT_REPLACED)})
    if fork:  # max_tasks_per_child refuses a fork context (EXEC-TASKS-3, gh-90622)
        adapter.capabilities -= {"max-tasks-per-child"}
    return adapter


def load_process_fork():
    return load_process("fork")
