"""The combinators' tours (see tour.py): for each combinator, every kind of child with every completion, the
cancellations from either side before, at and after a completion, and for wait_for every timeout with the deadline
reached before, at and after the inner's outcome — the walks that reproduce CPython's declared deviations included."""
from .gather import COMPLETIONS, KINDS

RUN = ("run_loop_once", {})
SETTLE = ("settle", {})


def gather_walks(capabilities):
    del capabilities  # the combinators profile declares none
    yield [("start", {"kinds": [], "return_exceptions": False}), SETTLE]
    for rex in (False, True):
        for kind in KINDS:
            for how in COMPLETIONS:
                yield [("start", {"kinds": [kind, "future"], "return_exceptions": rex}),
                       ("complete", {"index": 1, "how": "result"}), RUN, ("complete", {"index": 0, "how": how}),
                       RUN, RUN, SETTLE]
            yield [("start", {"kinds": [kind, "task"], "return_exceptions": rex}), ("cancel_gather", {}), RUN, SETTLE]
            yield [("start", {"kinds": ["future", kind], "return_exceptions": rex}), ("cancel_caller", {}), SETTLE]
        yield [("start", {"kinds": ["task", "future", "task-raise"], "return_exceptions": rex}),
               ("complete", {"index": 1, "how": "exception"}), ("complete", {"index": 0, "how": "exception"}),
               ("cancel_gather", {}), RUN, ("cancel_gather", {}), RUN, SETTLE]
        yield [("start", {"kinds": ["future", "future"], "return_exceptions": rex}),
               ("complete", {"index": 0, "how": "result"}), ("complete", {"index": 1, "how": "result"}),
               ("cancel_gather", {}), RUN, ("cancel_gather", {}), SETTLE]


def shield_walks(capabilities):
    del capabilities
    for kind in KINDS:
        for how in COMPLETIONS:
            yield [("start", {"kind": kind}), ("complete", {"how": how}), RUN, RUN, SETTLE]
            yield [("start", {"kind": kind}), ("complete", {"how": how}), ("cancel_shield", {}), RUN, SETTLE]
        yield [("start", {"kind": kind}), ("cancel_shield", {}), RUN, ("complete", {"how": "result"}), SETTLE]
        yield [("start", {"kind": kind}), ("cancel_caller", {}), RUN, ("complete", {"how": "exception"}), SETTLE]
        yield [("start", {"kind": kind}), ("complete", {"how": "result"}), ("cancel_caller", {}), SETTLE]
    for how in COMPLETIONS:  # the shield of a future already done
        yield [("start", {"kind": "future", "done": how}), RUN, RUN, SETTLE]
        yield [("start", {"kind": "future", "done": how}), ("cancel_shield", {}), SETTLE]


def wait_for_walks(capabilities):
    del capabilities
    for kind in KINDS:
        for timeout in (None, 0, 3):
            for how in COMPLETIONS:
                yield [("start", {"kind": kind, "timeout": timeout, "done": False}), ("complete", {"how": how}),
                       RUN, RUN, SETTLE]
            yield [("start", {"kind": kind, "timeout": timeout, "done": True}), SETTLE]
            yield [("start", {"kind": kind, "timeout": timeout, "done": False}), ("advance", {"step": 3}), SETTLE,
                   ("advance", {"step": 3}), SETTLE, ("complete", {"how": "result"}), SETTLE]
            yield [("start", {"kind": kind, "timeout": timeout, "done": False}), ("cancel_caller", {}), SETTLE]
            yield [("start", {"kind": kind, "timeout": timeout, "done": False}), ("complete", {"how": "result"}),
                   ("cancel_caller", {}), SETTLE]
        for how in COMPLETIONS:  # the deadline reached before, as and after the inner completes
            yield [("start", {"kind": kind, "timeout": 3, "done": False}), ("advance", {"step": 3}), RUN,
                   ("complete", {"how": how}), SETTLE]
            yield [("start", {"kind": kind, "timeout": 3, "done": False}), ("complete", {"how": how}),
                   ("advance", {"step": 3}), SETTLE]
            yield [("start", {"kind": kind, "timeout": 3, "done": False}), ("advance", {"step": 2}),
                   ("complete", {"how": how}), RUN, ("advance", {"step": 1}), SETTLE]
        yield [("start", {"kind": kind, "timeout": 3, "done": False}), ("advance", {"step": 3}), RUN, RUN,
               ("complete", {"how": "result"}), ("complete", {"how": "result"}), SETTLE]


def wait_walks(capabilities):
    del capabilities
    for refused, kind in (("empty", "future"), ("return_when", "future"), ("lone", "future"), ("lone", "task")):
        yield [("start", {"kinds": [kind], "return_when": "ALL_COMPLETED", "timeout": None, "refused": refused}),
               SETTLE]
    for when in ("ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"):  # refused from 3.11, wrapped before
        yield [("start", {"kinds": ["future", "task"], "return_when": when, "timeout": None, "refused": "coroutine"}),
               RUN, ("complete", {"index": 0, "how": "exception"}), SETTLE, ("complete", {"index": 1, "how": "result"}),
               SETTLE]
    for when in ("ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"):
        for timeout in (None, 3):
            for how in COMPLETIONS:
                for kind in ("future", "task"):
                    yield [("start", {"kinds": [kind, "task", "future"], "return_when": when, "timeout": timeout}),
                           ("complete", {"index": 1, "how": how}), RUN, ("complete", {"index": 0, "how": how}),
                           RUN, RUN, ("complete", {"index": 2, "how": "result"}), RUN, RUN, SETTLE]
            yield [("start", {"kinds": ["future", "task-linger"], "return_when": when, "timeout": timeout}),
                   ("cancel_caller", {}), SETTLE]
        yield [("start", {"kinds": ["future", "task"], "return_when": when, "timeout": 3}), ("advance", {"step": 3}),
               SETTLE, ("complete", {"index": 0, "how": "exception"}), SETTLE]
        for how in COMPLETIONS:  # one child done, the other left pending: FIRST_* must return, ALL must not
            yield [("start", {"kinds": ["task", "future"], "return_when": when, "timeout": None}),
                   ("complete", {"index": 1, "how": how}), SETTLE]
            for kinds in (["future", "future"], ["future", "task"]):  # children done before the call
                yield [("start", {"kinds": kinds, "return_when": when, "timeout": None, "done": how}), SETTLE,
                       ("complete", {"index": 1, "how": "result"}), SETTLE]
        for kinds in (["future", "task"], ["task", "future"]):  # the first child passed twice: counted once
            yield [("start", {"kinds": kinds, "return_when": when, "timeout": None, "duplicate": True}),
                   ("complete", {"index": 1, "how": "result"}), SETTLE, ("complete", {"index": 0, "how": "exception"}),
                   SETTLE]
            yield [("start", {"kinds": kinds, "return_when": when, "timeout": None, "duplicate": True}),
                   ("complete", {"index": 0, "how": "result"}), SETTLE, ("complete", {"index": 1, "how": "result"}),
                   SETTLE]


def timeout_walks(capabilities):
    del capabilities
    for delay in (None, 0, 3):
        for how in ("result", "exception"):
            yield [("start", {"delay": delay}), ("complete", {"how": how}), RUN, RUN, ("advance", {"step": 3}),
                   SETTLE, ("complete", {"how": how}), SETTLE]
            yield [("start", {"delay": delay}), ("complete", {"how": how}), ("advance", {"step": 3}), SETTLE]
        yield [("start", {"delay": delay}), ("advance", {"step": 3}), SETTLE]
        yield [("start", {"delay": delay}), ("advance", {"step": 1}), ("cancel_caller", {}), SETTLE]
        yield [("start", {"delay": delay}), ("cancel_caller", {}), ("advance", {"step": 3}), SETTLE]
        for how in ("result", "exception"):  # the body catches the deadline's CancelledError
            yield [("start", {"delay": delay, "swallow": True}), ("advance", {"step": 3}), SETTLE,
                   ("complete", {"how": how}), SETTLE]
    for absolute in (False, True):  # timeout_at, when() and reschedule()
        for shift in (None, -1, 0, 2, 5):
            yield [("start", {"delay": 3, "absolute": absolute}), ("reschedule", {"shift": shift}), RUN,
                   ("advance", {"step": 3}), SETTLE, ("advance", {"step": 3}), SETTLE, ("complete", {"how": "result"}),
                   SETTLE]
        yield [("start", {"delay": None, "absolute": absolute}), ("reschedule", {"shift": 2}), ("advance", {"step": 3}),
               SETTLE]
        yield [("start", {"delay": 3, "absolute": absolute}), ("advance", {"step": 3}), RUN,
               ("reschedule", {"shift": 5}), SETTLE]
        yield [("start", {"delay": 3, "absolute": absolute, "swallow": True}), ("advance", {"step": 3}), SETTLE,
               ("reschedule", {"shift": 5}), SETTLE]
        yield [("start", {"delay": None, "absolute": absolute}), ("complete", {"how": "result"}), SETTLE,
               ("reschedule", {"shift": 2}), SETTLE]
    for outer in (2, 3, 5):  # nested blocks: the outer deadline before, with or after the inner's
        yield [("start", {"delay": 3, "outer": outer}), ("advance", {"step": 3}), SETTLE]
        yield [("start", {"delay": 3, "outer": outer}), ("advance", {"step": 2}), SETTLE, ("advance", {"step": 3}),
               SETTLE]
        yield [("start", {"delay": 3, "outer": outer}), ("complete", {"how": "result"}), SETTLE,
               ("advance", {"step": 3}), SETTLE, ("complete", {"how": "result"}), SETTLE]
        yield [("start", {"delay": 3, "outer": outer}), ("cancel_caller", {}), ("advance", {"step": 3}), SETTLE]
        yield [("start", {"delay": None, "outer": outer}), ("advance", {"step": 3}), SETTLE]


def as_completed_walks(capabilities):
    del capabilities
    start = "start"
    for refused in ("future", "coroutine"):
        yield [(start, {"kinds": ["future"], "timeout": None, "refused": refused}), SETTLE]
    for asynchronous in (False, True):
        yield [(start, {"kinds": [], "timeout": None, "asynchronous": asynchronous}), SETTLE]
        for timeout in (None, 3):
            for how in COMPLETIONS:  # completed against the order of the arguments, one of them `how`
                yield [(start, {"kinds": ["task", "future", "task"], "timeout": timeout, "asynchronous": asynchronous}),
                       ("complete", {"index": 2, "how": "result"}), RUN, ("complete", {"index": 1, "how": how}),
                       ("complete", {"index": 0, "how": "exception"}), RUN, RUN, SETTLE]
                yield [(start, {"kinds": ["future", "task"], "timeout": timeout, "asynchronous": asynchronous,
                                "done": how}), SETTLE, ("complete", {"index": 1, "how": how}), SETTLE]
            yield [(start, {"kinds": ["future", "task"], "timeout": timeout, "asynchronous": asynchronous,
                            "duplicate": True}), ("complete", {"index": 0, "how": "result"}), SETTLE,
                   ("complete", {"index": 1, "how": "result"}), SETTLE]
            yield [(start, {"kinds": ["future", "task-linger"], "timeout": timeout, "asynchronous": asynchronous}),
                   ("complete", {"index": 0, "how": "result"}), SETTLE, ("cancel_caller", {}), SETTLE]
        for kind in ("future", "task"):  # the deadline reached before, as and after a child completes
            yield [(start, {"kinds": [kind, "task"], "timeout": 3, "asynchronous": asynchronous}),
                   ("complete", {"index": 0, "how": "result"}), SETTLE, ("advance", {"step": 3}), SETTLE,
                   ("complete", {"index": 1, "how": "result"}), SETTLE]
            yield [(start, {"kinds": [kind, "future"], "timeout": 3, "asynchronous": asynchronous}),
                   ("complete", {"index": 0, "how": "exception"}), ("advance", {"step": 3}), SETTLE]
            yield [(start, {"kinds": [kind, "future"], "timeout": 3, "asynchronous": asynchronous}),
                   ("advance", {"step": 3}), RUN, ("complete", {"index": 0, "how": "result"}), SETTLE]


def task_group_walks(capabilities):
    del capabilities
    yield [("start", {"kinds": []}), ("body", {"how": "result"}), SETTLE]
    yield [("start", {"kinds": ["task"]}), ("body", {"how": "exception"}), SETTLE]
    for kind in ("task", "task-return", "task-raise", "task-linger"):
        for how in ("result", "exception", "cancel"):  # the body ends first, then the members
            yield [("start", {"kinds": ["task", kind]}), RUN, ("body", {"how": "result"}), RUN,
                   ("complete", {"index": 0, "how": how}), SETTLE, ("complete", {"index": 1, "how": "result"}), SETTLE]
        # a member fails while the body awaits, or the body raises, or the parent is cancelled from outside
        yield [("start", {"kinds": ["task", kind]}), RUN, ("complete", {"index": 0, "how": "exception"}), SETTLE,
               ("body", {"how": "result"}), SETTLE]
        yield [("start", {"kinds": [kind, "task"]}), RUN, ("body", {"how": "exception"}), SETTLE]
        yield [("start", {"kinds": [kind, "task"]}), RUN, ("cancel_caller", {}), SETTLE]
        yield [("start", {"kinds": [kind, "task"]}), RUN, ("body", {"how": "result"}), RUN, ("cancel_caller", {}),
               SETTLE]
        yield [("start", {"kinds": [kind, "task"]}), RUN, ("cancel_caller", {}), RUN,
               ("complete", {"index": 0, "how": "exception"}), SETTLE]
    yield [("start", {"kinds": ["task", "task"]}), RUN, ("complete", {"index": 0, "how": "exception"}),
           ("complete", {"index": 1, "how": "exception"}), SETTLE]
