"""The cf profile's tour: walks through every cell of the transition table of spec/future.md (see tour.py)."""
from ..executors.races import TOUR as RACE_TOUR
from .race_machine import TOUR

COMPLETING = ("set_result", "set_exception", "cancel")

# How to reach each state, and whether the path needs a RUNNING state.
PREFIXES = {
    "PENDING": [],
    "RUNNING": [("set_running_or_notify_cancel", {})],
    "CANCELLED": [("cancel", {})],
    "CANCELLED_AND_NOTIFIED": [("cancel", {}), ("set_running_or_notify_cancel", {})],
    "FINISHED(result)": [("set_result", {"result": "object"})],
    "FINISHED(exception)": [("set_exception", {"exception": "ValueError"})],
    "FINISHED(falsy exception)": [("set_exception", {"exception": "falsy"})],  # CF-RESULT-3
    "FINISHED(CancelledError)": [("set_exception", {"exception": "CancelledError"})],  # CF-SET-2, CORE-QUERY-2
}
OPERATIONS = [
    ("cancel", {}),
    ("set_running_or_notify_cancel", {}),
    ("set_result", {"result": "None"}),
    ("set_exception", {"exception": "KeyboardInterrupt"}),
    ("read", {"method": "result", "timeout": 0}),
    ("read", {"method": "exception", "timeout": -10}),
    ("read", {"method": "result", "timeout": "short"}),
    ("add_done_callback", {"kind": "reenter"}),
    ("add_done_callback", {"kind": "raise"}),
]
RACES = [  # CF-ATOMIC-1, CF-ATOMIC-2, CF-ATOMIC-3, from a PENDING future, with both thread-start orders
    ("race", {"racers": racers})
    for pair in (["set_result", "set_exception"], ["cancel", "set_running_or_notify_cancel"],
                 ["add_done_callback", "set_result"])
    for racers in (pair, pair[::-1])
]
# A harmful interleaving shows up in about half the tries of a racy implementation: repeat each race so that the
# floor the tour guarantees holds for races too (2**-16 to miss a race that loses half the time).
RACE_REPEATS = 8
WATCHERS = [
    ("add_done_callback", {"kind": "record"}),
    ("add_done_callback", {"kind": "raise"}),
    ("add_done_callback", {"kind": "reenter"}),
    ("wait_in_thread", {"method": "result", "timeout": None}),
    ("wait_in_thread", {"method": "exception", "timeout": 3600.0}),
    ("add_unreferenced_callback", {}),  # CF-CB-10
]
_NEEDS_RUNNING = "set_running_or_notify_cancel"


def walks(capabilities):
    """Every (state, operation) pair the adapter's capabilities allow, each as a list of (rule, arguments)."""
    running = "running-state" in capabilities
    for prefix in list(PREFIXES.values())[1:]:  # first each state a completion reaches, its queries alone: no
        if running or not any(name == _NEEDS_RUNNING for name, _ in prefix):  # callback or waiting thread runs
            yield prefix + [("observe", {})]  # into a query's bug first (CORE-QUERY-3); a PENDING future's run none
    for prefix in PREFIXES.values():
        for operation in OPERATIONS:
            steps = prefix + [operation]
            if not running and any(name == _NEEDS_RUNNING for name, _ in steps):
                continue
            yield WATCHERS + steps + [("observe", {})]
    for race in RACES * RACE_REPEATS:
        if running or _NEEDS_RUNNING not in race[1]["racers"]:
            yield [WATCHERS[0], WATCHERS[3], race, ("observe", {})]


def race_walks(capabilities, deeper=None):
    """The race machine's floor: each classic race under every schedule with at most one preemption, and the kinds
    `deeper` names ({kind: (preemptions, schedules at most with that many)}) beyond, fewest preemptions first: a
    race of the Future's is of kind "completions" when each of its threads makes one completing call (set_result,
    set_exception, cancel), "future" otherwise."""
    def further(kind):
        preemptions, deepest = (deeper or {}).get(kind, (None, None))
        return {"preemptions": preemptions, "deepest": deepest} if deepest else {}
    for prefix, threads in TOUR:
        kind = "completions" if all(len(ops) == 1 and ops[0] in COMPLETING for ops in threads) else "future"
        yield [("explore", {"prefix": prefix, "threads": threads, **further(kind)})]
    for kind, detail, completions in RACE_TOUR:
        if {"executor": "executor"}.get(kind, "wait") in capabilities:
            yield [("explore_race", {"kind": kind, "detail": detail, "completions": completions, **further(kind)})]
