"""Throughput: state-machine steps per second for each built-in adapter of the standard library and the references,
as a ratio to a *null* machine — the same Hypothesis settings, rules that do nothing — which is the harness's own
floor. A ratio near 1 would mean Hypothesis itself is the cost; a small one, that judging the implementation is.
Only the search rounds count (steps Hypothesis draws, and their time): the tours' fixed steps are not generated. The
null machine is run three times and its median taken (this machine is shared: a single run is noisy)."""
import time

from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, rule, run_state_machine_as_test

from conformance import config

from .common import in_process

ADAPTERS = ("reference", "reference-asyncio", "reference-bridge", "stdlib", "stdlib-thread", "stdlib-process",
            "asyncio", "asyncio-py", "asyncio-task", "asyncio-task-py", "asyncio-bridge")
QUICK = ("reference", "reference-asyncio", "stdlib", "stdlib-thread", "asyncio", "asyncio-task")


def null_machine(settings_profile):
    """Steps per second of a machine whose rules do nothing, run with the suite's settings profile."""
    steps = [0]

    class NullMachine(RuleBasedStateMachine):
        things = Bundle("things")

        @rule(target=things)
        def new(self):
            steps[0] += 1
            return object()

        @rule(thing=things, value=st.sampled_from(["object", 0, None]))
        def use(self, thing, value):
            steps[0] += 1

        @rule(thing=things)
        def query(self, thing):
            steps[0] += 1

    started = time.perf_counter()
    run_state_machine_as_test(NullMachine, settings=config.SETTINGS_PROFILES[settings_profile])
    wall = time.perf_counter() - started
    return {"steps": steps[0], "wall": wall, "steps_per_second": steps[0] / wall}


def run(quick, settings_profile):
    null_machine(settings_profile)  # warm-up: Hypothesis's first run in a process pays for its imports and caches
    floor = sorted((null_machine(settings_profile) for _ in range(3)), key=lambda r: r["steps_per_second"])[1]
    rows = []
    for spec in QUICK if quick else ADAPTERS:
        measured = in_process(spec, settings_profile)
        rate = measured["steps"] / measured["search_seconds"]
        rows.append({"adapter": spec, "steps": measured["steps"], "wall": measured["search_seconds"],
                     "steps_per_second": rate, "ratio_to_null": rate / floor["steps_per_second"]})
    return {"settings_profile": settings_profile, "null": floor, "adapters": rows}
