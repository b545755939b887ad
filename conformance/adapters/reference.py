"""`reference`, `reference-asyncio`, `reference-bridge` and `reference-combinators`: the project's own reference
implementations, bridges and combinators, which must pass every clause."""
import sys

import reference.aio_future
import reference.bridge
import reference.combinators
import reference.executor
import reference.future

from ..adapter import CAPABILITIES, Adapter, AsyncioAdapter
from .bridge_module import ModuleBridgeAdapter
from .combinators_module import ModuleCombinatorAdapter


class ReferenceAdapter(Adapter):
    name = "reference"
    sources = ("reference.future", "reference.executor")
    capabilities = frozenset(CAPABILITIES["cf"]) - {"worker-crash", "pickling", "max-tasks-per-child",
                                                    "mp-context"}  # a thread pool: no worker dies, no processes
    CancelledError = reference.future.CancelledError
    TimeoutError = reference.future.TimeoutError
    InvalidStateError = reference.future.InvalidStateError
    BrokenExecutor = reference.executor.BrokenExecutor

    def new_future(self):
        return reference.future.Future()

    def new_executor(self, max_workers, initializer=None, initargs=(), **options):
        return reference.executor.ThreadPoolExecutor(max_workers, initializer, initargs, **options)

    def executor_base(self):
        return reference.executor.Executor

    def wait(self, fs, timeout=None, return_when="ALL_COMPLETED"):
        return reference.executor.wait(fs, timeout, return_when)

    def as_completed(self, fs, timeout=None):
        return reference.executor.as_completed(fs, timeout)


class ReferenceAsyncioAdapter(AsyncioAdapter):
    name = "reference-asyncio"
    sources = ("reference.aio_future",)

    def new_future(self, loop):
        return reference.aio_future.Future(loop=loop)


class ReferenceBridgeAdapter(ModuleBridgeAdapter):
    sources = ("reference.bridge",)

    def __init__(self):
        super().__init__(reference.bridge, "reference-bridge")


class ReferenceCombinatorAdapter(ModuleCombinatorAdapter):
    sources = ("reference.combinators", "reference.task_group")

    def __init__(self):
        super().__init__(reference.combinators, "reference-combinators")
        if sys.version_info < (3, 11):  # its timeout and TaskGroup need Task.cancelling() and ExceptionGroup
            self.capabilities = self.capabilities - {"timeout", "task-group"}
