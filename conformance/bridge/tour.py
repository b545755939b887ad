"""The bridge profile's tour: every bridge, with every outcome and cancellation of spec/bridges.md (see tour.py)."""
from .machine import CALL_OUTCOMES, CF_OUTCOMES, ENDINGS, PRIORS
from .races import KINDS

RUN = ("run_loop_once", None)
SETTLE = [RUN] * 4


def _wraps():
    for prior in PRIORS:
        wrap = ("wrap", {"prior": prior})
        yield [wrap, *SETTLE]
        yield [wrap, ("cancel_asyncio", {}), *SETTLE]
        yield [wrap, RUN, ("close_loop_then_complete", None)]
        for kind in CF_OUTCOMES:
            yield [wrap, RUN, ("complete_cf", {"kind": kind}), *SETTLE]
    pending = ("wrap", {"prior": "pending"})
    yield [pending, ("start_cf", {}), RUN, ("complete_cf", {"kind": "ValueError"}), *SETTLE]
    yield [pending, ("cancel_asyncio", {}), ("start_cf", {}), *SETTLE, ("complete_cf", {"kind": "result"}), *SETTLE]
    yield [pending, ("complete_cf", {"kind": "result"}), ("cancel_asyncio", {}), *SETTLE]


def _coroutines():
    submit = ("submit_coroutine", {})
    for kind in ENDINGS:
        yield [submit, RUN, RUN, ("finish_coroutine", {"kind": kind}), *SETTLE]
        yield [submit, RUN, RUN, ("finish_coroutine", {"kind": kind}), ("cancel_cf", {}), *SETTLE]
    yield [submit, ("cancel_cf", {}), *SETTLE]
    yield [submit, RUN, ("cancel_cf", {}), *SETTLE]
    yield [submit, RUN, RUN, ("cancel_cf", {}), *SETTLE]
    yield [submit, ("submit_non_coroutine", None), *SETTLE]


def _calls():
    call = ("run_in_executor", {})
    for kind in CALL_OUTCOMES:
        yield [call, RUN, ("release_call", {"kind": kind}), *SETTLE]
        yield [call, ("cancel_asyncio", {}), RUN, ("release_call", {"kind": kind}), *SETTLE]
    occupied, release_other = ("occupy_executor", None), ("release_running_call", None)
    yield [occupied, call, ("cancel_asyncio", {}), RUN, release_other, *SETTLE]
    yield [occupied, call, ("cancel_asyncio", {}), release_other, *SETTLE, ("release_call", {"kind": "return"}),
           *SETTLE]
    yield [occupied, call, release_other, RUN, ("release_call", {"kind": "ValueError"}), *SETTLE]

def walks(capabilities):
    del capabilities  # the bridge profile declares none
    yield [("wrap_asyncio_future", None), ("wrap_non_future", None)]
    yield from _wraps()
    yield from _coroutines()
    yield from _calls()


def race_walks(capabilities, deeper=None):
    """The bridge race machine's floor: each kind of race under every schedule with at most two preemptions
    (races.PREEMPTIONS: fewer for some), and the kinds `deeper` names ({kind: (preemptions, schedules at most with
    that many)}) beyond, fewest preemptions first."""
    del capabilities
    for kind in KINDS:
        preemptions, deepest = (deeper or {}).get(kind, (None, None))
        yield [("explore", {"kind": kind, **({"preemptions": preemptions, "deepest": deepest} if deepest else {})})]
