"""The adapter contract: the one thing a backend writes to be checked (documented in spec/adapters.md).

An adapter says how to make a new future and how to drive its producer side, which exception classes its profile
uses, what it can do (capabilities) and where it knowingly departs from the spec (deviations). Everything but
new_future() has a default derived from the concurrent.futures API.
"""
import asyncio
import concurrent.futures
import importlib
import sys
from dataclasses import dataclass
from typing import Any, FrozenSet, Mapping, Optional, Tuple

from . import gates, provenance

CAPABILITIES = {  # by profile
    "cf": {
        "bare-future": "the adapter makes PENDING futures (new_future) that the suite completes itself (set_result, "
                       "set_exception): the Future, race and wait machines judge them. Implied by overriding "
                       "new_future(); an adapter whose futures only an executor can complete (dask's) lacks it",
        "running-state": "the future has a RUNNING state: running() and set_running_or_notify_cancel()",
        "invalid-state-error": "set_result()/set_exception() on a done future raise the adapter's InvalidStateError",
        "executor": "the adapter makes executors (new_executor) and gated tasks for them (new_gate)",
        "wait": "the adapter exposes the module's wait() and as_completed()",
        "initializer": "executors accept initializer= and break when it raises",
        "worker-crash": "a gated task can kill the worker running it (process pools)",
        "pickling": "calls, their arguments and their results are pickled to reach the workers (process pools)",
        "workers": "calls run on the executor's own workers after submit() returns, at most max_workers at once, so a "
                   "call can be queued or running (a synchronous executor runs each call inside submit())",
        "cancel-futures": "shutdown() takes cancel_futures= (the concurrent.futures API of Python 3.9)",
        "thread-name-prefix": "new_executor() takes thread_name_prefix=, with which the workers' threads are named",
        "max-tasks-per-child": "new_executor() takes max_tasks_per_child=, the most calls a worker runs",
        "mp-context": "new_executor() takes mp_context=, a multiprocessing context that starts the workers",
        "executor-base": "executor_base() returns the implementation's abstract executor class (concurrent.futures' "
                         "Executor), from which the suite derives executors of its own",
    },
    "asyncio": {},
    "task": {
        "context": "new_task(loop, coro, context=ctx) runs the task in the contextvars context ctx (Python 3.11+)",
        "eager": "new_task(loop, coro, eager=True) makes an eager task: its first step runs inside the call, when made "
                 "from a running task (Python 3.12+)",
    },
    "bridge": {},
    "combinators": {
        "clock": "new_loop() returns a loop whose time() the suite may replace with its own clock and whose timers "
                 "follow it (asyncio's loops): without it no deadline is set and the deadline clauses do not apply",
        "timeout": "timeout(delay) and timeout_at(when) give asyncio.timeout's context manager (when(), reschedule(), "
                   "expired()): asyncio's from Python 3.11, a backport's before",
        "task-group": "TaskGroup() gives an asyncio.TaskGroup (create_task(), async with): asyncio's from Python "
                      "3.11, a backport's before",
    },
}
PROFILES = tuple(CAPABILITIES)
FUTURE_CAPABILITIES = frozenset({"running-state", "invalid-state-error"})  # a bare Future adapter declares


@dataclass(frozen=True)
class Deviation:
    """A clause the implementation is known to violate, with the reason and the upstream issue. `sometimes`: the
    implementation shows it only under timings the suite does not control (its reproduction must still fail every
    time); a run that does not provoke it reports the clause untested, saying so, instead of failing it as stale."""

    reason: str
    issue: str = ""
    sometimes: bool = False


class AdapterError(Exception):
    """The adapter cannot be used: the message says why, in one line, for the user."""


def user_module(dotted_name):
    """Import the module a zero-code scheme (cf-module:, bridge-module: …) names; whatever importing the user's
    module raises, the user gets one clear line."""
    try:
        return importlib.import_module(dotted_name)
    except Exception as exc:
        raise AdapterError(f"cannot import module {dotted_name!r}: {type(exc).__name__}: {exc}") from None


class Adapter:
    """Base class for adapters of the concurrent.futures profile. Override new_future(); the rest is optional."""

    name = "unnamed"
    version: Optional[str] = None  # the implementation's version; None: found by conformance.provenance
    profile = "cf"
    capabilities: FrozenSet[str] = FUTURE_CAPABILITIES
    deviations: Mapping[str, Deviation] = {}
    sources: Tuple[str, ...] = ()  # the implementation's modules, for --coverage; () : the scheme's default
    CancelledError: type = concurrent.futures.CancelledError
    TimeoutError: type = concurrent.futures.TimeoutError
    InvalidStateError: type = concurrent.futures.InvalidStateError
    BrokenExecutor: type = concurrent.futures.BrokenExecutor

    def new_future(self) -> Any:
        """Return a new PENDING future."""
        raise NotImplementedError

    # The producer side. Override when the implementation completes futures another way.
    def set_running_or_notify_cancel(self, future) -> bool:
        return future.set_running_or_notify_cancel()

    def set_result(self, future, result) -> None:
        return future.set_result(result)

    def set_exception(self, future, exception) -> None:
        return future.set_exception(exception)

    # Executors (capability `executor`): spec/executors.md.
    executor_examples = 1.0  # the share of Hypothesis examples for executors; process pools are slow to start
    executor_startup = 0.0  # seconds a worker may take to start, beyond the hang limit (a process spawning)
    executor_round_trip = 0.0  # seconds any call into the executor may take beyond the hang limit (a scheduler's)
    executor_exit = 0.0  # seconds an interpreter's exit may take to show what it does with a running call, beyond half
    # the hang limit, and to end once its call is done (EXEC-EXIT-1/2/3: a cluster closed by atexit hooks)

    def new_executor(self, max_workers, initializer=None, initargs=(), **options):
        """Return a new executor running at most `max_workers` calls at once. `options` are constructor keywords,
        passed only with the capability naming them (thread_name_prefix: `thread-name-prefix`, max_tasks_per_child:
        `max-tasks-per-child`, mp_context: `mp-context`)."""
        raise NotImplementedError

    def executor_base(self):
        """Return the abstract executor base class (capability `executor-base`): a subclass that defines submit() gets
        map(), shutdown() and the context manager from it (EXEC-BASE-1)."""
        raise NotImplementedError

    def new_gate(self):
        """Return a new gate (conformance.gates): a call the suite controls. Threads share a ThreadGate."""
        return gates.ThreadGate()

    # The module functions (capability `wait`). return_when is "FIRST_COMPLETED", "FIRST_EXCEPTION" or
    # "ALL_COMPLETED".
    def wait(self, fs, timeout=None, return_when="ALL_COMPLETED"):
        raise NotImplementedError

    def as_completed(self, fs, timeout=None):
        raise NotImplementedError

    def exception_roles(self):
        """The exception classes the adapter names: the profile's three, and BrokenExecutor for executors."""
        return ("CancelledError", "TimeoutError", "InvalidStateError") + \
            (("BrokenExecutor",) if "executor" in self.capabilities else ())

    def describe(self) -> Mapping[str, Any]:
        """What the report says about the adapter."""
        return {
            "name": self.name,
            "version": self.version or provenance.implementation_version(self),
            "profile": self.profile,
            "capabilities": sorted(self.capabilities),
            "exceptions": {
                role: _qualname(getattr(self, role)) for role in self.exception_roles()
            },
            "deviations": {cid: {"reason": d.reason, "issue": d.issue, **({"sometimes": True} if d.sometimes else {})}
                           for cid, d in sorted(self.deviations.items())},
            **({"races": self.race_mode} if getattr(self, "race_mode", None) else {}),  # which mode judged races
        }


class AsyncioAdapter(Adapter):
    """Base class for adapters of the asyncio profile: override new_future(loop); new_loop() if not asyncio's."""

    profile = "asyncio"
    capabilities = frozenset(CAPABILITIES["asyncio"])
    CancelledError = asyncio.CancelledError
    TimeoutError = asyncio.TimeoutError
    InvalidStateError = asyncio.InvalidStateError

    def new_loop(self):
        """Return a new event loop, not running; the suite drives it one iteration at a time and closes it."""
        return asyncio.new_event_loop()

    def new_future(self, loop):
        """Return a new PENDING future of `loop`."""
        raise NotImplementedError


class TaskAdapter(AsyncioAdapter):
    """Base class for adapters of the task profile: override new_task(loop, coro); new_loop() if not asyncio's."""

    profile = "task"
    capabilities: FrozenSet[str] = frozenset()  # optional: `context`, `eager` (new_task's keywords)

    def new_task(self, loop, coro):
        """Return a new task of `loop` driving `coro`, not started: its first step is scheduled on the loop. With
        capability `context` the suite may pass context=ctx; with `eager`, eager=True (the first step runs inside
        the call). Neither is passed to an adapter that does not declare it."""
        raise NotImplementedError

    def new_future(self, loop):
        """Return a new PENDING future of `loop`: the futures the suite's scripted coroutines await."""
        return loop.create_future()


class BridgeAdapter(Adapter):
    """Base class for adapters of the bridge profile (spec/bridges.md): the bridge functions between asyncio and
    concurrent.futures. Every member defaults to the standard library's; override the ones implemented otherwise."""

    profile = "bridge"
    capabilities = frozenset(CAPABILITIES["bridge"])
    CancelledError = asyncio.CancelledError  # the asyncio side's classes; the cf side's are concurrent.futures'
    TimeoutError = asyncio.TimeoutError
    InvalidStateError = asyncio.InvalidStateError

    def new_loop(self):
        """Return a new event loop, not running; the suite drives it one iteration at a time and closes it."""
        return asyncio.new_event_loop()

    def new_cf_future(self):
        """Return a new PENDING concurrent.futures future, which the suite completes from its own threads."""
        return concurrent.futures.Future()

    def new_future(self):
        return self.new_cf_future()

    def new_executor(self):
        """Return an executor running one call at a time, in submission order; the suite shuts it down."""
        return concurrent.futures.ThreadPoolExecutor(max_workers=1)

    def wrap_future(self, cf_future, loop):
        return asyncio.wrap_future(cf_future, loop=loop)

    def run_coroutine_threadsafe(self, coro, loop):
        return asyncio.run_coroutine_threadsafe(coro, loop)

    def run_in_executor(self, loop, executor, fn, *args):
        return loop.run_in_executor(executor, fn, *args)


class CombinatorAdapter(AsyncioAdapter):
    """Base class for adapters of the combinators profile (spec/combinators.md): the asyncio functions that combine
    futures and tasks. Every combinator defaults to the standard library's; override the ones implemented otherwise.
    The suite replaces the loop's time() with a clock of its own (capability `clock`), so new_loop() must return a
    loop that allows it; asyncio's timeout and TaskGroup (capabilities `timeout`, `task-group`) are 3.11+."""

    profile = "combinators"
    capabilities = frozenset({"clock"} | ({"timeout", "task-group"} if sys.version_info >= (3, 11) else set()))

    def new_future(self, loop):
        """Return a new PENDING future of `loop`: the children the suite completes itself."""
        return loop.create_future()

    def gather(self, *children, return_exceptions=False):
        return asyncio.gather(*children, return_exceptions=return_exceptions)

    def shield(self, inner):
        return asyncio.shield(inner)

    def wait_for(self, inner, timeout):
        return asyncio.wait_for(inner, timeout)

    def wait(self, children, timeout=None, return_when="ALL_COMPLETED"):
        """return_when is the constant's value: "FIRST_COMPLETED", "FIRST_EXCEPTION" or "ALL_COMPLETED"."""
        return asyncio.wait(children, timeout=timeout, return_when=return_when)

    def timeout(self, delay):
        """The asynchronous context manager of `async with timeout(delay)` (3.11+)."""
        return asyncio.timeout(delay)

    def timeout_at(self, when):
        """The asynchronous context manager of `async with timeout_at(when)` (3.11+)."""
        return asyncio.timeout_at(when)

    def TaskGroup(self):
        """A new `asyncio.TaskGroup()` (3.11+), for `async with`."""
        return asyncio.TaskGroup()

    def as_completed(self, children, timeout=None):
        """The iterator of `as_completed(children, timeout=timeout)`: `for` (3.9+) and `async for` (3.13+)."""
        return asyncio.as_completed(children, timeout=timeout)


def _qualname(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def validate(adapter, clause_index) -> None:
    """Reject an adapter that cannot be run, with a message naming exactly what is wrong; give a cf adapter that
    makes futures (new_future) the capability bare-future."""
    if not isinstance(adapter, Adapter):
        raise AdapterError(f"{adapter!r} is not an adapter: subclass conformance.Adapter and override new_future()")
    makes_futures = type(adapter).new_future not in (Adapter.new_future, AsyncioAdapter.new_future)
    if not makes_futures and (adapter.profile != "cf" or "executor" not in adapter.capabilities or
                              "bare-future" in adapter.capabilities):
        raise AdapterError(f"adapter {adapter.name!r} lacks new_future(): override it to return a new PENDING future")
    if makes_futures and adapter.profile == "cf":  # implied, so an adapter spelling out its capabilities keeps it
        adapter.capabilities = frozenset({*adapter.capabilities, "bare-future"})
    if isinstance(adapter, TaskAdapter) and type(adapter).new_task is TaskAdapter.new_task:
        raise AdapterError(f"adapter {adapter.name!r} lacks new_task(): override it to return a new task of the loop")
    if adapter.profile not in PROFILES:
        raise AdapterError(f"adapter {adapter.name!r} names unknown profile {adapter.profile!r}; "
                           f"known profiles: {', '.join(PROFILES)}")
    known = CAPABILITIES[adapter.profile]
    unknown = set(adapter.capabilities) - set(known)
    if unknown:
        raise AdapterError(f"adapter {adapter.name!r} declares unknown capabilities {sorted(unknown)}; "
                           f"known for profile {adapter.profile}: {', '.join(sorted(known)) or 'none'}")
    required = {"executor": ("new_executor",), "wait": ("wait", "as_completed")}
    for capability, methods in required.items():
        for method in methods if capability in adapter.capabilities else ():
            if getattr(type(adapter), method) is getattr(Adapter, method):
                raise AdapterError(f"adapter {adapter.name!r} declares capability {capability!r} but lacks "
                                   f"{method}(): override it, or drop the capability")
    for role in adapter.exception_roles():
        cls = getattr(adapter, role, None)
        if not (isinstance(cls, type) and issubclass(cls, BaseException)):
            raise AdapterError(f"adapter {adapter.name!r}: {role} must be an exception class, not {cls!r}")
    for clause_id, deviation in adapter.deviations.items():
        if clause_id not in clause_index:
            raise AdapterError(f"adapter {adapter.name!r} declares a deviation from unknown clause {clause_id}")
        if not isinstance(deviation, Deviation):
            raise AdapterError(f"adapter {adapter.name!r}: deviation {clause_id} must be a conformance.Deviation")
