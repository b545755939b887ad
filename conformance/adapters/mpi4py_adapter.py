"""`mpi4py`: mpi4py.futures' `MPIPoolExecutor`, whose workers are MPI processes it spawns (`MPI_Comm_spawn`), checked
as installed from PyPI (`mpi4py` and the `mpich` wheel) by `tox -e mpi4py`.

mpi4py.futures re-exports the standard library's Future, wait() and as_completed(), so only its executor is its own. Its
workers are processes: process gates, a fifth of the examples, time to start. But no call may kill its worker: when an
MPI process dies, the MPI runtime aborts the whole job and SIGKILLs the parent, the suite with it (a standalone
`submit(os._exit, 3)` does so), so the capability `worker-crash` is not declared and the clauses about a worker's death
(EXEC-BROKEN-2/3) are not applicable here rather than judged. The gates live in a `multiprocessing` manager, whose
proxies authenticate with the process's authkey; a worker spawned by MPI is not a multiprocessing child and has another,
so a `gates.ForeignProcessGate` pickles the suite's authkey with it and sets it in the worker before its proxies
connect. Executors are made with `main=False`: by default each worker imports the parent's `__main__`, which under
`python -m conformance` is the suite's command line, run again in the worker (it exits, and MPI aborts the whole job,
the suite included). Spawning needs the MPI runtime's launcher: without `mpiexec` on PATH the adapter stops at once with
one line saying what to install (mpich's own error is an abort of the whole process).

In env_list and CI. Its EXEC-MAP-2 was the suite's false alarm: a next() blocked on a map() call released to raise
ends the iterator, which cancels the calls not started, and mpi4py's pool hands the worker its next task only after
it has set the raising call's future, so the third call was cancelled before any worker could take it, while the
model expected it to start. The executor machine now judges that next() first (ExecutorMachine.ended_by_raise).
"""
import multiprocessing
import shutil

from .. import gates
from ..adapter import AdapterError, Deviation
from . import requires
from .stdlib import CANCEL_NOT_NOTIFIED, FALSY_EXCEPTION_SWALLOWED, shared
from .cf_module import ModuleAdapter

REPRO = "results/repro/mpi4py/"


def _deviation(clause, reason, issue):
    return Deviation(f"{reason} (reproduced with mpi4py alone by {REPRO}{clause}.py)", issue)


DEVIATIONS = {
    **shared({**CANCEL_NOT_NOTIFIED, **FALSY_EXCEPTION_SWALLOWED}, "mpi4py",
             "re-exports concurrent.futures' Future, wait() and as_completed()", REPRO),
    "EXEC-EXIT-3": _deviation("EXEC-EXIT-3", "submit() is still accepted once the interpreter's exit has begun (a "
                              "running call keeping the exit waiting): MPIPoolExecutor has no exit hook refusing new "
                              "calls, as concurrent.futures' pools have; no upstream issue found", ""),
}


class MPI4PyAdapter(ModuleAdapter):
    """mpi4py.futures.MPIPoolExecutor, constructed anew for every executor the suite asks for."""

    def __init__(self, name="mpi4py"):
        futures = requires.library("mpi4py.futures", name, package="mpi4py", env="mpi4py")
        if shutil.which("mpiexec") is None:
            raise AdapterError(f"the {name} adapter needs an MPI runtime with mpiexec on PATH: pip install mpich "
                               "(and put its bin folder on PATH), or run tox -e mpi4py")
        super().__init__(futures, name, futures.MPIPoolExecutor, executor_options={"main": False},
                         deviations=DEVIATIONS)
        self.capabilities = self.capabilities - {"worker-crash"}  # a dead worker kills the whole MPI job

    @property
    def process_pool(self):
        return True  # its workers are processes: ModuleAdapter gives them its process settings

    def new_gate(self):
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return gates.ForeignProcessGate(self.manager)
