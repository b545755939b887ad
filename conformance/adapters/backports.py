"""`taskgroup` and `async-timeout`: the PyPI backports of asyncio's structured concurrency for Python 3.9 and 3.10,
checked as installed by `tox -e taskgroup-py39` … (see tox.ini). Each declares the capabilities of what it provides
(spec/combinators.md §5 and §7 apply to a backport with the same API); asyncio's gather, wait_for, wait … stand in
for the rest, so their CPython deviations are declared too.

- `taskgroup` (0.2, "backport of asyncio.TaskGroup, asyncio.Runner and asyncio.timeout"): its TaskGroup, timeout and
  timeout_at, copied from CPython 3.12 and run in a task of its own class that has cancelling()/uncancel(). Its block
  raises the built-in TimeoutError (asyncio's is another class before 3.11) and the `exceptiongroup` package's
  BaseExceptionGroup.
- `async-timeout` (5.0): timeout and timeout_at. Before 3.11 its Timeout spells asyncio's `when()` as the property
  `deadline`, `expired()` as the property `expired` and `reschedule(w)` as `update(w)`; the adapter presents it with
  asyncio's spelling (`AsyncioSpelling`) and changes nothing else. From 3.11 its Timeout is asyncio.Timeout's
  subclass, with asyncio's API; the adapter runs there too, unchanged: async-timeout supports 3.11+ and code that
  still imports it there gets that subclass, made by async-timeout's own timeout()/timeout_at() (the deadline from
  `loop.time() + delay`, its own __init__). It conforms there as asyncio does (dev profile, seeds 0-3, 3.11-3.13,
  with async-timeout 5.0.1), with none of its five deviations (they are of its own Timeout of 3.9/3.10). CI runs it on
  3.9 and 3.10 only, where its code is all its own; `tox -e async_timeout-py311` … run it on the later ones.

Every deviation of its own is reproduced with the library alone by a script in results/repro/<library>/.
"""
import sys

from ..adapter import CombinatorAdapter
from . import requires
from .asyncio_combinators import cpython_deviations
from .event_loops import _deviation

UNCOUNTED = "https://github.com/aio-libs-abandoned/async-timeout/issues/229"
TASKGROUP = {
    "COMB-TASKGROUP-7": _deviation("taskgroup", "COMB-TASKGROUP-7", "taskgroup copies CPython 3.12's TaskGroup, which "
                                   "calls uncancel() before waiting for its members: a member failing after the body "
                                   "ended leaves the parent's cancelling() one too high (CPython gh-116720, fixed in "
                                   "3.13)", "https://github.com/python/cpython/issues/116720"),
}
ASYNC_TIMEOUT = {
    "COMB-TIMEOUT-1": _deviation("async-timeout", "COMB-TIMEOUT-1", "the TimeoutError leaving an expired block is "
                                 "raised without `from`: the body's CancelledError is its __context__, not its "
                                 "__cause__"),
    "COMB-TIMEOUT-3": _deviation("async-timeout", "COMB-TIMEOUT-3", "an expired block turns every CancelledError into "
                                 "TimeoutError (no count of requests): a task cancelled from outside as the deadline "
                                 "is reached gets TimeoutError", UNCOUNTED),
    "COMB-TIMEOUT-4": _deviation("async-timeout", "COMB-TIMEOUT-4", "a block whose body caught the deadline's "
                                 "CancelledError and ended normally is left in its EXIT state: `expired` is False"),
    "COMB-TIMEOUT-7": _deviation("async-timeout", "COMB-TIMEOUT-7", "update() (asyncio's reschedule()) of a Timeout "
                                 "not yet entered sets the deadline the block will use instead of raising "
                                 "RuntimeError, as async-timeout's API allows"),
    "COMB-TIMEOUT-8": _deviation("async-timeout", "COMB-TIMEOUT-8", "of two nested blocks expiring at the same loop "
                                 "iteration the inner one turns the one CancelledError into TimeoutError (no count of "
                                 "requests), which the outer lets through", UNCOUNTED),
} if sys.version_info < (3, 11) else {}  # from 3.11 its Timeout is asyncio.Timeout's subclass


class TaskgroupAdapter(CombinatorAdapter):
    name = "taskgroup"
    sources = ("taskgroup",)
    capabilities = CombinatorAdapter.capabilities | {"timeout", "task-group"}
    deviations = {**cpython_deviations(), **TASKGROUP}

    def __init__(self):
        self.module = requires.library("taskgroup", self.name, env="taskgroup-py310")

    def timeout(self, delay):
        return self.module.timeout(delay)

    def timeout_at(self, when):
        return self.module.timeout_at(when)

    def TaskGroup(self):
        return self.module.TaskGroup()


class AsyncioSpelling:
    """async-timeout's Timeout before Python 3.11 with asyncio.timeout's spelling: when() is its `deadline`,
    expired() its `expired`, reschedule(w) its update(w) (which takes None for no deadline, as reschedule does)."""

    def __init__(self, timeout):
        self.timeout = timeout

    async def __aenter__(self):
        await self.timeout.__aenter__()
        return self

    async def __aexit__(self, *exc_info):
        return await self.timeout.__aexit__(*exc_info)

    def when(self):
        return self.timeout.deadline

    def expired(self):
        return self.timeout.expired

    def reschedule(self, when):
        return self.timeout.update(when)


class AsyncTimeoutAdapter(CombinatorAdapter):
    name = "async-timeout"
    sources = ("async_timeout",)
    capabilities = CombinatorAdapter.capabilities | {"timeout"}
    deviations = {**cpython_deviations(), **ASYNC_TIMEOUT}

    def __init__(self):
        self.module = requires.library("async_timeout", self.name, package="async-timeout", env="async_timeout-py310")
        self.spelled = AsyncioSpelling if sys.version_info < (3, 11) else lambda timeout: timeout

    def timeout(self, delay):
        return self.spelled(self.module.timeout(delay))

    def timeout_at(self, when):
        return self.spelled(self.module.timeout_at(when))
