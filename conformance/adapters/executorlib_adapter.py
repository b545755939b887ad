"""`executorlib`: pyiron's executorlib.SingleNodeExecutor (its executor for one machine, no scheduler), checked as
installed from PyPI by `tox -e executorlib`.

executorlib hands out the standard library's Future, so the adapter drives concurrent.futures' own Future, wait() and
as_completed() beside it. Every call runs in a Python process of its own that executorlib starts, reached over zmq, so
the calls get process gates (the class is not named like a process pool); those processes are not multiprocessing
children, so the gates are `gates.ForeignProcessGate`s, which carry the gate manager's authkey with them. Its
init_function is not the standard initializer, so the capability `initializer` is not declared. Every deviation is
reproduced with executorlib alone by a script in results/repro/executorlib/."""
import concurrent.futures
import multiprocessing

from .. import gates
from . import requires
from .cf_module import ModuleAdapter


class ExecutorlibAdapter(ModuleAdapter):
    """executorlib.SingleNodeExecutor; its futures are concurrent.futures.Future."""

    def __init__(self, deviations=None):
        executorlib = requires.library("executorlib", "executorlib", env="executorlib")
        super().__init__(concurrent.futures, "executorlib", executorlib.SingleNodeExecutor, deviations=deviations)

    @property
    def process_pool(self):
        return True  # its calls run in processes: ModuleAdapter gives them its process settings

    def new_gate(self):
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return gates.ForeignProcessGate(self.manager)


def load():
    return ExecutorlibAdapter()
