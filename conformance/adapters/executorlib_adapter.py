"""`executorlib`: pyiron's executorlib.SingleNodeExecutor (its executor for one machine, no scheduler), checked as
installed from PyPI by `tox -e executorlib`.

executorlib hands out the standard library's Future, so the adapter drives concurrent.futures' own Future, wait() and
as_completed() beside it, and declares CPython's deviations as the loky and mpi4py adapters do. Every call runs in a
Python process of its own that executorlib starts, reached over zmq, so the calls get process gates (the class is not
named like a process pool); those processes are not multiprocessing children, so the gates are
`gates.ForeignProcessGate`s, which carry the gate manager's authkey with them. Its init_function is not the standard
initializer, so the capability `initializer` is not declared; nor is `worker-crash`: executorlib has no broken state,
a call whose process dies fails alone (with ExecutorlibSocketError, as a call raising KeyboardInterrupt does:
EXEC-SUBMIT-2) and the executor goes on, so EXEC-BROKEN-2 and its kin are not applicable.

Its executor is two scheduling threads (a dependency thread, which resolves futures passed as arguments, in front of
the thread that starts a process per call), each fed by a queue: most deviations come from there. Every deviation is
reproduced with executorlib alone by a script in results/repro/executorlib/; no executorlib issue was found for any.
A cancel() racing the dependency thread kills it (EXEC-SUBMIT-3, `sometimes`: the thread looks at its queue every
10 ms), after which no call starts and every shutdown() blocks for ever.
"""
import concurrent.futures
import multiprocessing

from .. import gates
from ..adapter import Deviation
from . import requires
from .stdlib import CANCEL_NOT_NOTIFIED, FALSY_EXCEPTION_SWALLOWED, shared
from .cf_module import ModuleAdapter

REPRO = "results/repro/executorlib/"


def _deviation(clause, reason, issue="", sometimes=False):
    return Deviation(f"{reason} (reproduced with executorlib alone by {REPRO}{clause}.py)", issue, sometimes)


DEVIATIONS = {
    "EXEC-SUBMIT-2": _deviation("EXEC-SUBMIT-2", "the worker process catches only Exception around the call: a call "
                                "raising KeyboardInterrupt or SystemExit ends it, and the future finishes with "
                                "ExecutorlibSocketError instead; no executorlib issue found"),
    "EXEC-SUBMIT-3": _deviation("EXEC-SUBMIT-3", "a cancel() made before the dependency thread has handed the call on "
                                "kills that thread (future.exception(timeout=1e-10) raises CancelledError there): no "
                                "later call ever starts; no executorlib issue found", sometimes=True),
    "EXEC-SUBMIT-4": _deviation("EXEC-SUBMIT-4", "SingleNodeExecutor.submit(fn, /, …) hands the call on to "
                                "DependencyTaskScheduler.submit(self, fn, *args, …), whose fn is not positional-only: "
                                "submit(f, fn=2) raises TypeError; no executorlib issue found"),
    "EXEC-START-4": _deviation("EXEC-START-4", "max_workers=0 and max_workers=-1 are accepted without an error (a call "
                               "submitted then never starts); no executorlib issue found"),
    "EXEC-SHUTDOWN-1": _deviation("EXEC-SHUTDOWN-1", "the executor refuses submit() only once shutdown() has returned "
                                  "(executorlib PR #851 set the flag after it): submit() is accepted while a "
                                  "shutdown(wait=True) waits for a running call, the call is never run, and that "
                                  "shutdown then never returns", "https://github.com/pyiron/executorlib/pull/851"),
    "EXEC-SHUTDOWN-5": _deviation("EXEC-SHUTDOWN-5", "a shutdown() made while another thread's shutdown(wait=True) "
                                  "waits puts a second shutdown request on the scheduling thread's queue, which that "
                                  "thread, having handled the first, waits for: both block for ever; no executorlib "
                                  "issue found"),
    "EXEC-SHUTDOWN-6": _deviation("EXEC-SHUTDOWN-6", "shutdown(wait=False) joins the scheduling thread, which waits, "
                                  "busy, for a free worker for a queued call before it reads the request: it blocks "
                                  "until the running call has finished; no executorlib issue found"),
    "EXEC-EXIT-1": _deviation("EXEC-EXIT-1", "the scheduling threads of an executor never shut down are not daemon "
                              "threads, have no exit hook and loop until shutdown(): the process waits for its call, "
                              "then never exits; no executorlib issue found"),
    "EXEC-EXIT-3": _deviation("EXEC-EXIT-3", "with no exit hook, nothing refuses submit() while the exit waits for "
                              "a running call (it waits for the scheduling threads): it is accepted; no executorlib "
                              "issue found"),
    **shared({**CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED}, "executorlib",
             "hands out concurrent.futures.Future, waited for with concurrent.futures' wait() and as_completed()",
             REPRO),
}


class ExecutorlibAdapter(ModuleAdapter):
    """executorlib.SingleNodeExecutor; its futures are concurrent.futures.Future."""

    def __init__(self):
        executorlib = requires.library("executorlib", "executorlib", env="executorlib")
        super().__init__(concurrent.futures, "executorlib", executorlib.SingleNodeExecutor, deviations=DEVIATIONS)
        self.capabilities = self.capabilities - {"worker-crash"}  # a dead worker fails its call alone: no broken state

    @property
    def process_pool(self):
        return True  # its calls run in processes: ModuleAdapter gives them its process settings

    def new_gate(self):
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return gates.ForeignProcessGate(self.manager)


def load():
    return ExecutorlibAdapter()
