"""`interpreter-pool`: the InterpreterPoolExecutor of the interpreters-pep-734 backport (PEP 734's executor, CPython
3.14's concurrent.futures.InterpreterPoolExecutor before 3.14), checked as installed from PyPI by
`tox -e interpreters`.

Its futures, wait() and as_completed() are the standard library's. Every call runs in a subinterpreter of a worker
thread and its arguments cross by pickle, so the calls get process gates whose pickle carries the gate manager's authkey
(`gates.ForeignProcessGate`: a subinterpreter has its own multiprocessing state). A call that ends its worker ends the
whole process, so the capability `worker-crash` is not declared. The backport's 0.5.0 imports `_interpreters`, which
CPython has from 3.13 only: on 3.12 (3.12's is `_xxsubinterpreters`) the adapter is refused like a missing library.

Its futures, wait() and as_completed() are the standard library's, with their deviations (the stdlib adapter's:
WAIT-DONE-1, WAIT-CANCEL-1, ASCOMP-CANCEL-1, CF-RESULT-3 before 3.13.4). Its own three are reproduced with the backport
alone by scripts in results/repro/interpreters/.
"""
import concurrent.futures
import multiprocessing

from .. import gates
from ..adapter import Deviation
from . import requires
from .stdlib import CANCEL_NOT_NOTIFIED, FALSY_EXCEPTION_SWALLOWED
from .cf_module import ModuleAdapter

REPRO = "results/repro/interpreters/"
DEVIATIONS = {
    **CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED,
    "EXEC-PICKLE-1": Deviation("a call whose result cannot be pickled leaves its future pending for ever, and its "
                               "worker stuck: the next call on it never runs, shutdown() never returns (reproduced "
                               f"with the backport alone by {REPRO}EXEC-PICKLE-1.py)", "no upstream issue found"),
    "EXEC-INIT-2": Deviation("an initializer that is not callable (initializer=42) is accepted without an error "
                             f"(reproduced with the backport alone by {REPRO}EXEC-INIT-2.py)",
                             "no upstream issue found"),
    "EXEC-BROKEN-1": Deviation("the pool is the backport's copy of the standard library's thread pool: when the "
                               "initializer fails it fails the queued futures one by one and stops at the first one "
                               "cancelled while queued (InvalidStateError), so the calls queued after it never "
                               f"finish (reproduced with the backport alone by {REPRO}EXEC-BROKEN-1.py)",
                               "no upstream issue found; the process pool had the same bug until 3.12: "
                               "https://github.com/python/cpython/issues/107219"),
}


class InterpreterPoolAdapter(ModuleAdapter):
    """interpreters_backport.concurrent.futures.InterpreterPoolExecutor."""

    def __init__(self, deviations=DEVIATIONS):
        futures = requires.library("interpreters_backport.concurrent.futures", "interpreter-pool",
                                   package="interpreters-pep-734", env="interpreters")
        super().__init__(concurrent.futures, "interpreter-pool", futures.InterpreterPoolExecutor,
                         deviations=deviations)
        self.capabilities = self.capabilities - {"worker-crash"}

    @property
    def process_pool(self):
        return True  # its calls run in other interpreters, their arguments pickled: ModuleAdapter's process settings

    def new_gate(self):
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return gates.ForeignProcessGate(self.manager)


def load():
    return InterpreterPoolAdapter()
