"""What the bridge profile prescribes (spec/bridges.md), as data: the outcome that must arrive on the other side of a
bridge, with the exception conversions of §5, and what the machine knows about each bridged pair of futures."""
import concurrent.futures
import sys
from dataclasses import dataclass, field
from typing import Any, Optional

if sys.version_info >= (3, 11):  # BRIDGE-EXC-3: one TimeoutError class in both worlds, passed on by identity
    _CONVERTED = {"CancelledError": "BRIDGE-EXC-1", "InvalidStateError": "BRIDGE-EXC-1"}
else:
    _CONVERTED = {"CancelledError": "BRIDGE-EXC-1", "InvalidStateError": "BRIDGE-EXC-1", "TimeoutError": "BRIDGE-EXC-2"}


@dataclass(frozen=True)
class Outcome:
    """An outcome travelling across a bridge: `result` (value), `exception` (value) or `cancelled`."""

    kind: str
    value: Any = None


@dataclass(frozen=True)
class Expected:
    """What must arrive on the other side: the very object (`identical`), or a new exception of the role `converted`
    (a role of the adapter: CancelledError, InvalidStateError, TimeoutError) with the same args, or a cancellation."""

    clause: str  # the clause the arrival is judged by
    outcome: Outcome
    converted: Optional[str] = None


def expected(outcome, clause):
    """BRIDGE-EXC-1..3: the exact cf classes that have an asyncio counterpart are converted; all else is identical."""
    if outcome.kind == "exception":
        error = outcome.value
        for role, conversion in _CONVERTED.items():
            if type(error) is getattr(concurrent.futures, role):
                return Expected(conversion, outcome, converted=role)
        if type(error) is TimeoutError:
            return Expected("BRIDGE-EXC-3", outcome)
    return Expected(clause, outcome)


@dataclass(eq=False)
class Link:
    """One bridged pair: a cf future and the asyncio side (a future, or the task of run_coroutine_threadsafe).

    `kind` is None until a bridge rule makes the link: `wrap`, `coro` (run_coroutine_threadsafe) or `call`
    (run_in_executor)."""

    kind: Optional[str] = None
    cf: Any = None
    aio: Any = None
    cf_state: str = "PENDING"  # the model's cf side: PENDING, RUNNING, DONE or CANCELLED
    aio_cancelled: bool = False  # the machine cancelled the asyncio side: it must stay CANCELLED
    due: Optional[tuple] = None  # (iteration, Expected): the outcome must be on the asyncio side after it
    judged: bool = False  # the arrival of `due` was judged
    cf_cancel_due: Optional[int] = None  # the iteration after which a cancellation must have reached the cf side
    created: int = 0  # the iteration count when the link was made
    cancelled_at: Optional[int] = None  # coro: the iteration count when the machine cancelled the cf future
    started: Optional[tuple] = None  # coro: (iteration, thread) the coroutine started in
    ended: Optional[tuple] = None  # coro: (iteration, how) it ended: return, raise or cancelled-at-await
    ending: Optional[Outcome] = None  # coro: the outcome it was told to end with
    gate: Any = None  # coro: the loop future the coroutine awaits; call: the gated function
    done_event: Any = None  # call: set once the call's cf future is done
    retired: bool = False
    probes: list = field(default_factory=list)  # none: the bridge machine registers no callback probes
