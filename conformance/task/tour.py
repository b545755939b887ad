"""The task profile's tour: every operation on a task in every phase of its coroutine (spec/tasks.md §1), and every
way a coroutine can answer a cancellation (see tour.py)."""
from .life import NEEDS, STORIES

RUN = ("run_loop_once", None)
PREFIXES = {
    "not started": [],
    "suspended": [RUN],
    "about to resume": [RUN, ("resume", {"kind": "await"})],
    "cancel requested": [RUN, ("cancel", {"msg": "why"})],
    "FINISHED(result)": [RUN, ("resume", {"kind": "return"}), RUN],
    "FINISHED(exception)": [RUN, ("resume", {"kind": "raise"}), RUN],
    "CANCELLED": [RUN, ("cancel", {"msg": "why"}), RUN],
}
OPERATIONS = [
    ("cancel", {"msg": None}),
    ("cancel", {"msg": "another reason"}),
    ("uncancel", {}),
    ("cancelling", {}),
    ("complete", {"method": "set_result"}),
    ("complete", {"method": "set_exception"}),
    ("read", {"method": "result"}),
    ("read", {"method": "exception"}),
    ("add_done_callback", {"kind": "record"}),
    ("await_task", {}),
    *[("resume", {"kind": kind}) for kind in ("return", "raise", "await")],
]
WATCHERS = [
    ("add_done_callback", {"kind": "record"}),
    ("add_done_callback", {"kind": "twice"}),
    ("add_done_callback", {"kind": "reenter"}),
    ("await_task", {}),
]
REACTIONS = ("propagate", "return", "raise", "await")


def walks(capabilities):
    del capabilities  # the task profile declares none
    for prefix in PREFIXES.values():
        for operation in OPERATIONS:
            yield WATCHERS + prefix + [operation, ("cancelling", {}), RUN, RUN, ("cancelling", {}), ("observe", {})]
    for prefix in ([], [RUN, ("resume", {"kind": "await"})], [RUN]):  # uncancel() of a request not yet delivered
        yield WATCHERS + [*prefix, ("cancel", {"msg": "why"}), ("uncancel", {}), RUN, RUN, ("cancelling", {}),
                          ("observe", {})]
    for reaction in REACTIONS:
        for prefix in ([RUN], [RUN, ("resume", {"kind": "return"})], []):
            yield WATCHERS + [("plan", {"reaction": reaction}), *prefix, ("cancel", {"msg": "why"}), RUN,
                              ("cancel", {"msg": None}), RUN, RUN, ("cancelling", {}), ("observe", {})]


def life_walks(capabilities):
    """The rest of a task's life (life.py): each story the adapter's capabilities allow, then the loop until the task
    is done."""
    for kind in (kind for kind in STORIES if NEEDS.get(kind, "task") in {"task", *capabilities}):
        yield [("start", {"kind": kind}), ("settle", {})]
