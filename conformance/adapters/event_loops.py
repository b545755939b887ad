"""asyncio event loops besides CPython's and uvloop, each in the asyncio, task and bridge profiles: `rloop`,
`rloop-task`, `rloop-bridge` (rloop, a loop written in Rust) and `trio-asyncio`, `trio-asyncio-task`,
`trio-asyncio-bridge` (trio-asyncio, asyncio's API on a Trio run), checked as installed from PyPI by `tox -e rloop`
and `tox -e trio_asyncio`.

The suite drives a loop one iteration at a time from outside (`call_soon(stop); run_forever()`), so a loop must run
synchronously. rloop's does. trio-asyncio's native loop runs only inside `trio.run()` (`async with open_loop()`); the
loop it makes outside one — what `asyncio.new_event_loop()` returns once trio_asyncio is imported — is its
"compatibility mode" `SyncTrioEventLoop`, the same `BaseTrioEventLoop` machinery with its Trio run kept in a
greenlet. That is the loop these adapters check, and what the results say they measured.

Each library is imported when its adapter is chosen, as the uvloop adapters do. Futures and tasks are made by the
loop (`loop.create_future()`, `loop.create_task()`), the way code on that loop gets them. Both loops use asyncio's
Future, Task and wrap_future(), so the bridges inherit CPython's deviation BRIDGE-EXC-3 on 3.11 and 3.12 (reproduced
on each loop by results/repro/<library>/BRIDGE-EXC-3.py). Every deviation of their own is reproduced with the
library alone by a script in results/repro/rloop/ or results/repro/trio-asyncio/ (no upstream issue found for any).
"""
from ..adapter import AsyncioAdapter, BridgeAdapter, Deviation, TaskAdapter
from . import requires
from .asyncio_bridge import wrap_future_deviations

NO_ISSUE = "no upstream issue found"


def _deviation(library, clause, reason, issue=NO_ISSUE, sometimes=False):
    """A deviation of a third-party library, reproduced by a standalone script (also used by backports.py)."""
    return Deviation(f"{reason} (reproduced with {library} alone by results/repro/{library}/{clause}.py)", issue,
                     sometimes)


RLOOP = {
    "AIO-CB-5": _deviation("rloop", "AIO-CB-5", "rloop calls the handler set by loop.set_exception_handler() with "
                           "(context) where asyncio documents (loop, context), so a handler of the documented "
                           "signature raises TypeError and never gets a callback's exception (rloop/exc.py)"),
    "AIO-LOG-1": _deviation("rloop", "AIO-LOG-1", "the AIO-CB-5 bug again: rloop calls the exception handler with "
                            "(context) alone, so a handler of the documented (loop, context) signature never gets "
                            "the exception of a future collected unretrieved (rloop/exc.py)"),
}
RLOOP_TASK = {
    "TASK-LIFE-4": _deviation("rloop", "TASK-LIFE-4", "a KeyboardInterrupt raised by a task's step does not leave "
                              "rloop's run_forever(): rloop hands it to the loop's exception handler (\"Exception in "
                              "callback\") and goes on running"),
    "TASK-LIFE-6": _deviation("rloop", "TASK-LIFE-6", "the AIO-CB-5 bug again: rloop calls the exception handler with "
                              "(context) alone, so a handler of the documented (loop, context) signature never hears "
                              "of a task collected while pending (rloop/exc.py)"),
}
LATE = ("trio-asyncio routes call_soon_threadsafe() through Trio's TrioToken.run_sync_soon(), so a callback scheduled "
        "from another thread may run after a loop.stop() scheduled later with call_soon(): in about half of the tries "
        "the {} handed over by wrap_future() arrives one loop iteration late")
TRIO_ASYNCIO_BRIDGE = {
    **wrap_future_deviations(),
    # half the tries: a run of few cancellations once provoked none (CI of 94efec2); the scripts try 50 times
    "BRIDGE-WRAP-4": _deviation("trio-asyncio", "BRIDGE-WRAP-4", LATE.format("outcome"), sometimes=True),
    "BRIDGE-CANCEL-1": _deviation("trio-asyncio", "BRIDGE-CANCEL-1", LATE.format("cancellation"), sometimes=True),
    "BRIDGE-EXEC-1": _deviation("trio-asyncio", "BRIDGE-EXEC-1", "run_in_executor() accepts only None or a "
                                "trio_asyncio.TrioExecutor (a limitation its docstring states): any other executor "
                                "fails an assert"),
}


class _Loop:
    """The loop of a third-party library, imported when the adapter is made (one line naming the package if not)."""

    module_name = package = env = ""

    def __init__(self):
        self.module = requires.library(self.module_name, self.name, package=self.package, env=self.env)

    def new_loop(self):
        return self.module.new_event_loop()


class _Rloop(_Loop):
    module_name = package = env = "rloop"


class _TrioAsyncio(_Loop):
    module_name, package, env = "trio_asyncio", "trio-asyncio", "trio_asyncio"

    def new_loop(self):
        """trio-asyncio's loop for code outside a Trio run: importing trio_asyncio makes asyncio.new_event_loop()
        return it."""
        import asyncio
        return asyncio.new_event_loop()


class RloopAdapter(_Rloop, AsyncioAdapter):
    name = "rloop"
    deviations = RLOOP

    def new_future(self, loop):
        return loop.create_future()


class RloopTaskAdapter(_Rloop, TaskAdapter):
    name = "rloop-task"
    deviations = RLOOP_TASK

    def new_task(self, loop, coro):
        return loop.create_task(coro)


class RloopBridgeAdapter(_Rloop, BridgeAdapter):
    name = "rloop-bridge"
    deviations = wrap_future_deviations()


class TrioAsyncioAdapter(_TrioAsyncio, AsyncioAdapter):
    name = "trio-asyncio"

    def new_future(self, loop):
        return loop.create_future()


class TrioAsyncioTaskAdapter(_TrioAsyncio, TaskAdapter):
    name = "trio-asyncio-task"

    def new_task(self, loop, coro):
        return loop.create_task(coro)


class TrioAsyncioBridgeAdapter(_TrioAsyncio, BridgeAdapter):
    name = "trio-asyncio-bridge"
    deviations = TRIO_ASYNCIO_BRIDGE
