"""The tour of wait() and as_completed(): every return_when mode, every kind of timeout, every way a future can
become done (cancel() alone included, so the standard library's declared deviations reproduce on every run)."""
from .model import RETURN_WHEN

NEW = ("new_future", {})


def _complete(pick, how):
    return ("complete", {"pick": pick, "how": how})


def walks(capabilities):
    two, three = [NEW, NEW], [NEW, NEW, NEW]
    found = [
        # WAIT-DONE-1, WAIT-CANCEL-1, ASCOMP-CANCEL-1: a future cancelled by cancel() alone is done
        [*two, _complete(0, "cancel"), ("wait_now", {"picks": [0, 1], "return_when": "ALL_COMPLETED",
                                                     "timeout": "zero"})],
        [NEW, ("start_wait", {"picks": [0], "return_when": "FIRST_COMPLETED"}), _complete(0, "cancel")],
        [NEW, ("start_stream", {"picks": [0]}), _complete(0, "cancel")],
        [*two, _complete(0, "cancel"), ("as_completed_with_timeout", {"picks": [0, 1]})],
        # a stream over futures done before and after it started, with duplicates
        [*three, _complete(0, "result"), ("start_stream", {"picks": [0, 1, 2, 1]}), _complete(1, "exception"),
         _complete(0, "cancel-and-notify")],
        [*three, _complete(0, "result"), ("as_completed_with_timeout", {"picks": [0, 1, 2]}),
         _complete(0, "result"), _complete(0, "exception"), ("as_completed_with_timeout", {"picks": [2, 1, 0]})],
        [*two, _complete(1, "result"), ("close_early", {"picks": [0, 1]}), ("close_early", {"picks": [0]})],
        [*three, _complete(0, "result"), _complete(1, "exception"), ("from_generators", {"picks": [0, 1, 2, 1]})],
        [*two, _complete(0, "start"), ("wait_now", {"picks": [0, 1], "return_when": "FIRST_COMPLETED",
                                                    "timeout": "short"})],
    ]
    for return_when in RETURN_WHEN:
        found.append([("empty_input", {"return_when": return_when}), *three,
                      ("start_wait", {"picks": [0, 1, 2], "return_when": return_when}),
                      _complete(0, "cancel-and-notify"), _complete(0, "exception"), _complete(0, "result")])
        for timeout in ("zero", "negative", "short"):
            found.append([*two, _complete(1, "exception"),
                          ("wait_now", {"picks": [0, 1, 1], "return_when": return_when, "timeout": timeout})])
    found.append([("busy_consumer", {}), ("after_timeout", {}), ("invalid_return_when", {}), ("left_behind", {})])
    return found  # without a RUNNING state, complete() turns "start" and "cancel-and-notify" into "cancel"
