"""`asyncio-combinators` and `asyncio-combinators-py`: the standard library's combinators, over the
interpreter's asyncio.Task (the C `_asyncio.Task` when it is built) and over the pure-Python `asyncio.tasks._PyTask`
(the loop's task factory makes every task of the run one, those the combinators make included); and
`uvloop-combinators`, the same on a uvloop loop.

uvloop's timers run on libuv's clock (`uv_now()`, which libuv reads from the system at each iteration), not on the
loop's `time()`, which uvloop's Cython class does not even let the suite replace: nothing short of waiting makes a
deadline come. `uvloop-combinators` therefore lacks the capability `clock`: the deadline clauses are not applicable
to it, and every other clause of the profile is checked with no deadline but None."""
import asyncio
import asyncio.tasks
import sys

from ..adapter import CombinatorAdapter, Deviation
from . import requires

RESULT_AT_DEADLINE = Deviation(
    "from 3.12 wait_for is `async with timeout(): await inner`: a task that completes at the loop iteration at which "
    "the deadline is reached has its result dropped and wait_for raises TimeoutError",
    "https://github.com/python/cpython/issues/96764")
CANCELLATION_SWALLOWED = Deviation(
    "3.9-3.11 wait_for returns the inner's result when the caller is cancelled after the inner completed but before "
    "wait_for resumed: the cancellation is lost (fixed in 3.12)", "https://github.com/python/cpython/issues/86296")
UNCANCEL_TOO_EARLY = Deviation(
    "3.11-3.12 TaskGroup calls uncancel() before waiting for its members: a member failing after the body ended "
    "leaves the parent's cancelling() one too high (fixed in 3.13)", "https://github.com/python/cpython/issues/116720")


def cpython_deviations():
    """CPython's deviations in its combinators, on this interpreter."""
    deviations = {"COMB-WAITFOR-4": RESULT_AT_DEADLINE} if sys.version_info >= (3, 12) else \
        {"COMB-WAITFOR-5": CANCELLATION_SWALLOWED}
    if (3, 11) <= sys.version_info < (3, 13):
        deviations["COMB-TASKGROUP-7"] = UNCANCEL_TOO_EARLY
    return deviations


class AsyncioCombinatorsAdapter_C(CombinatorAdapter):
    name = "asyncio-combinators"
    sources = ("asyncio.tasks",)
    deviations = cpython_deviations()


class AsyncioCombinatorsAdapter_Py(CombinatorAdapter):
    name = "asyncio-combinators-py"
    sources = ("asyncio.tasks",)
    deviations = cpython_deviations()

    def new_loop(self):
        loop = asyncio.new_event_loop()
        loop.set_task_factory(lambda loop, coro, **kwargs: asyncio.tasks._PyTask(coro, loop=loop, **kwargs))
        return loop


class UvloopCombinatorsAdapter(CombinatorAdapter):
    name = "uvloop-combinators"
    sources = ("asyncio.tasks",)
    capabilities = CombinatorAdapter.capabilities - {"clock"}  # libuv's clock: see the module's docstring
    deviations = {clause: deviation for clause, deviation in cpython_deviations().items()
                  if clause not in ("COMB-WAITFOR-4", "COMB-WAITFOR-5")}  # wait_for's: shown only with a deadline

    def __init__(self):
        self.uvloop = requires.library("uvloop", self.name, env="uvloop")

    def new_loop(self):
        return self.uvloop.new_event_loop()
