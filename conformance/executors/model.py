"""What the executors chapter's machines know, as plain data, so that the machines hold only their steps and checks.

For executors: each gated call and where the model says it is (WorkItem), a map() being consumed (Mapping), and the
starts the model waits for (Starts). For wait() and as_completed(): each future and what the machine did to it
(Entry), when a wait may return (condition_met, and the clause that says so), a wait blocked in another thread
(BlockedWait) and the pair a wait must return (as_pair). Nothing here draws examples: no Hypothesis.
"""
import threading
import time
from dataclasses import dataclass, field
from typing import List, Optional

from ..gates import Release
from ..probes import Background

POLL = 0.01  # seconds between looks at which gates have started, while waiting for starts the model expects


# -- executors ---------------------------------------------------------------------------------------------------------

@dataclass(eq=False)
class WorkItem:
    """One gated call and where the model says it is."""

    number: int
    gate: object
    via: str = "submit"  # or "map": its future is then not visible
    future: object = None
    state: str = "queued"  # queued | running | finished | cancelled
    cancelled_by: str = ""  # the clause that cancelled it: EXEC-CANCEL-1, EXEC-SHUTDOWN-3 or EXEC-MAP-4
    outcome: Optional[Release] = None
    finished: threading.Event = field(default_factory=threading.Event)  # set by a done-callback on its future
    retired: bool = False  # a muted violation touched it: released at once and no longer judged
    claimed: bool = False  # queued, yet its future is RUNNING (a muted EXEC-RUN-2): it can no longer be cancelled

    def __str__(self):
        return f"call {self.number}" + (" (of map)" if self.via == "map" else "")


class Starts:
    """Waitable (for the watchdog): at least `count` of `calls` have started, or one of `forbidden` has (which the
    machine then judges first). Gates may live in another process, so this looks at them every POLL seconds,
    waiting on the oldest one not started in between."""

    def __init__(self, calls, count, forbidden=()):
        self.calls = calls
        self.count = count
        self.forbidden = forbidden

    def is_set(self):
        return sum(c.gate.started.is_set() for c in self.calls) >= self.count or \
            any(c.gate.started.is_set() for c in self.forbidden)

    def wait(self, timeout):
        deadline = time.monotonic() + timeout
        while not self.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            waiting = next((c for c in self.calls if not c.gate.started.is_set()), None)
            if waiting is not None:
                waiting.gate.started.wait(min(remaining, POLL))
        return True


@dataclass(eq=False)
class Mapping:
    """An iterator map() returned, over its calls, and a consumer blocked in next() on it, if any."""

    iterator: object
    calls: List[WorkItem]
    position: int = 0
    consumer: Optional[Background] = None


# -- wait() and as_completed() -----------------------------------------------------------------------------------------

RETURN_CLAUSE = {"FIRST_COMPLETED": "WAIT-RETURN-1", "FIRST_EXCEPTION": "WAIT-RETURN-2",
                 "ALL_COMPLETED": "WAIT-RETURN-3"}
RETURN_WHEN = tuple(RETURN_CLAUSE)
DONE = ("result", "exception", "cancelled")


@dataclass(eq=False)
class Entry:
    """One future and what the machine did to it."""

    future: object
    name: str
    state: str = "pending"  # pending | running | result | exception | cancelled
    notified: bool = True  # False once cancel() alone cancelled it: WAIT-CANCEL-1, ASCOMP-CANCEL-1
    retired: bool = False  # a muted violation touched it: it is no longer judged

    @property
    def done(self):
        return self.state in DONE


def condition_met(entries, return_when):
    done = [e for e in entries if e.done]
    if return_when == "FIRST_COMPLETED":
        return bool(done)
    if return_when == "FIRST_EXCEPTION" and any(e.state == "exception" for e in done):
        return True
    return len(done) == len(entries)


def names(entries):
    return "[" + ", ".join(e.name for e in entries) + "]"


@dataclass(eq=False)
class BlockedWait:
    entries: List[Entry]
    return_when: str
    call: Background

    def __str__(self):
        return f"wait({names(self.entries)}, return_when={self.return_when}) blocked in another thread"


def as_pair(value):
    """(done, not_done) when `value` is a 2-tuple of sets with those field names, else None."""
    try:
        done, not_done = value
        if value.done is done and value.not_done is not_done and isinstance(done, set) and \
                isinstance(not_done, set):
            return done, not_done
    except Exception:  # anything else is not the pair the spec asks for
        pass
    return None
