"""The adapter contract: the one thing a backend writes to be checked (documented in spec/adapters.md).

An adapter says how to make a new future and how to drive its producer side, which exception classes its profile
uses, what it can do (capabilities) and where it knowingly departs from the spec (deviations). Everything but
new_future() has a default derived from the concurrent.futures API.
"""
import asyncio
import concurrent.futures
from dataclasses import dataclass
from typing import Any, FrozenSet, Mapping

CAPABILITIES = {  # by profile
    "cf": {
        "running-state": "the future has a RUNNING state: running() and set_running_or_notify_cancel()",
        "invalid-state-error": "set_result()/set_exception() on a done future raise the adapter's InvalidStateError",
    },
    "asyncio": {},
    "task": {},
}
PROFILES = tuple(CAPABILITIES)


@dataclass(frozen=True)
class Deviation:
    """A clause the implementation is known to violate, with the reason and the upstream issue."""

    reason: str
    issue: str = ""


class AdapterError(Exception):
    """The adapter cannot be used: the message says why, in one line, for the user."""


class Adapter:
    """Base class for adapters of the concurrent.futures profile. Override new_future(); the rest is optional."""

    name = "unnamed"
    profile = "cf"
    capabilities: FrozenSet[str] = frozenset(CAPABILITIES["cf"])
    deviations: Mapping[str, Deviation] = {}
    CancelledError: type = concurrent.futures.CancelledError
    TimeoutError: type = concurrent.futures.TimeoutError
    InvalidStateError: type = concurrent.futures.InvalidStateError

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

    def describe(self) -> Mapping[str, Any]:
        """What the report says about the adapter."""
        return {
            "name": self.name,
            "profile": self.profile,
            "capabilities": sorted(self.capabilities),
            "exceptions": {
                role: _qualname(getattr(self, role)) for role in ("CancelledError", "TimeoutError", "InvalidStateError")
            },
            "deviations": {cid: {"reason": d.reason, "issue": d.issue} for cid, d in sorted(self.deviations.items())},
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
    capabilities = frozenset(CAPABILITIES["task"])

    def new_task(self, loop, coro):
        """Return a new task of `loop` driving `coro`, not started: its first step is scheduled on the loop."""
        raise NotImplementedError

    def new_future(self, loop):
        """Return a new PENDING future of `loop`: the futures the suite's scripted coroutines await."""
        return loop.create_future()


def _qualname(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def validate(adapter, clause_index) -> None:
    """Reject an adapter that cannot be run, with a message naming exactly what is wrong."""
    if not isinstance(adapter, Adapter):
        raise AdapterError(f"{adapter!r} is not an adapter: subclass conformance.Adapter and override new_future()")
    if type(adapter).new_future in (Adapter.new_future, AsyncioAdapter.new_future):
        raise AdapterError(f"adapter {adapter.name!r} lacks new_future(): override it to return a new PENDING future")
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
    for role in ("CancelledError", "TimeoutError", "InvalidStateError"):
        cls = getattr(adapter, role, None)
        if not (isinstance(cls, type) and issubclass(cls, BaseException)):
            raise AdapterError(f"adapter {adapter.name!r}: {role} must be an exception class, not {cls!r}")
    for clause_id, deviation in adapter.deviations.items():
        if clause_id not in clause_index:
            raise AdapterError(f"adapter {adapter.name!r} declares a deviation from unknown clause {clause_id}")
        if not isinstance(deviation, Deviation):
            raise AdapterError(f"adapter {adapter.name!r}: deviation {clause_id} must be a conformance.Deviation")
