"""Throughput: state-machine steps per second for each built-in adapter of the standard library and the references,
as a ratio to what Hypothesis alone costs — which is the harness's own floor. A ratio near 1 would mean Hypothesis
itself is the cost; a small one, that judging the implementation is.

Two floors. The *null twin* of each machine has that machine's rules — their arguments, bundles and targets — under
the same settings (the profile's, scaled as the run scales them), with bodies that do nothing and no preconditions:
the cost of drawing that machine's steps. An adapter's ratio is the time its twins would take to draw the steps its
search drew, over the time the search took — over its machines but the race machines (EXPLORERS), whose ratio is
reported apart. The *null machine* (three rules that do nothing) is the bare floor,
printed for reference: a machine with thirty rules costs Hypothesis more per step than one with three.
Only the search rounds count (steps Hypothesis draws, and their time): the tours' fixed steps are not generated.
Each floor is run three times and its median taken (this machine is shared: a single run is noisy)."""
import statistics
import time

from hypothesis import strategies as st
from hypothesis.stateful import (INITIALIZE_RULE_MARKER, RULE_MARKER, Bundle, RuleBasedStateMachine, initialize,
                                 rule, run_state_machine_as_test)

from conformance import config, loading, runner
from conformance.profiles import PROFILES

from .common import MachineStepCounter

ADAPTERS = ("reference", "reference-asyncio", "reference-bridge", "stdlib", "stdlib-thread", "stdlib-process",
            "asyncio", "asyncio-py", "asyncio-task", "asyncio-task-py", "asyncio-bridge")
# The controlled race machines: each of their steps explores a scenario under many schedules (up to 122: the
# exploration budget, by design), so their ratio to a twin that only draws the step measures that budget, not the
# harness's cost per step. An adapter's ratio to the twins is its other machines'; theirs is a column of its own, and
# benchmarks/races.py measures them in schedules per second.
EXPLORERS = {"RaceMachine", "BridgeRaceMachine"}
QUICK = ("reference", "reference-asyncio", "stdlib", "stdlib-thread", "asyncio", "asyncio-task")


def _timed(machine_class, settings):
    """{"steps", "wall", "steps_per_second"} of one run of a machine whose rules count themselves."""
    machine_class.steps = 0
    started = time.perf_counter()
    run_state_machine_as_test(machine_class, settings=settings)
    wall = time.perf_counter() - started
    return {"steps": machine_class.steps, "wall": wall, "steps_per_second": machine_class.steps / wall}


def _median(run):
    run()  # warm-up: Hypothesis's first run of a machine pays for its imports and caches
    return sorted((run() for _ in range(3)), key=lambda r: r["steps_per_second"])[1]


def null_machine(settings_profile):
    """Steps per second of a machine of three rules that do nothing, run with the suite's settings profile."""
    class NullMachine(RuleBasedStateMachine):
        things = Bundle("things")

        @rule(target=things)
        def new(self):
            type(self).steps += 1
            return object()

        @rule(thing=things, value=st.sampled_from(["object", 0, None]))
        def use(self, thing, value):
            type(self).steps += 1

        @rule(thing=things)
        def query(self, thing):
            type(self).steps += 1

    return _median(lambda: _timed(NullMachine, config.SETTINGS_PROFILES[settings_profile]))


def null_twin(machine_class):
    """A machine with `machine_class`'s rules, whose bodies only count the step (and feed their bundles)."""
    def step(self, **arguments):
        type(self).steps += 1

    def new(self, **arguments):
        type(self).steps += 1
        return object()

    namespace = {}
    for name in dir(machine_class):
        attribute = getattr(machine_class, name, None)
        for marker, decorator in ((RULE_MARKER, rule), (INITIALIZE_RULE_MARKER, initialize)):
            found = getattr(attribute, marker, None)
            if found is not None:
                targets = tuple(Bundle(target) for target in found.targets)
                namespace[name] = decorator(targets=targets, **found.arguments)(new if targets else step)
    return type(f"NullTwinOf{machine_class.__name__}", (RuleBasedStateMachine,), namespace)


def _twin_rates(spec, settings_profile):
    """{machine name: the twin's steps per second}, each under the settings the run gives that machine."""
    adapter = loading.load(spec)
    base = config.SETTINGS_PROFILES[settings_profile]
    return {m.name: _median(lambda m=m: _timed(null_twin(m.judge), runner._scaled(base, m.scale(adapter), m)))[
            "steps_per_second"] for m in PROFILES[adapter.profile].machines_for(adapter)}


def _ratio(machines):
    """The time the machines' twins would take to draw their steps, over the time the machines took; None if none."""
    wall = sum(m["wall"] for m in machines)
    return sum(m["steps"] / m["twin_steps_per_second"] for m in machines) / wall if wall else None


def run(quick, settings_profile):
    floor = null_machine(settings_profile)
    rows = []
    for spec in QUICK if quick else ADAPTERS:
        counter = MachineStepCounter()
        runner.run(loading.load(spec), settings_profile=settings_profile, seed=0, spec=spec, progress=counter)
        counter.stop()
        twins = _twin_rates(spec, settings_profile)
        machines = [{"machine": name, "steps": steps, "wall": wall, "steps_per_second": steps / wall if wall else 0.0,
                     "twin_steps_per_second": twins[name]} for name, (steps, wall) in counter.machines.items()]
        steps, wall = sum(m["steps"] for m in machines), sum(m["wall"] for m in machines)
        stepping = [m for m in machines if m["machine"] not in EXPLORERS]
        rows.append({"adapter": spec, "steps": steps, "wall": wall, "steps_per_second": steps / wall,
                     "ratio_to_twins": _ratio(stepping), "ratio_to_null": steps / wall / floor["steps_per_second"],
                     "explorers_ratio_to_twins": _ratio([m for m in machines if m["machine"] in EXPLORERS]),
                     "machines": machines})
    return {"settings_profile": settings_profile, "null": floor, "adapters": rows,
            "median_ratio_to_twins": statistics.median(r["ratio_to_twins"] for r in rows if r["ratio_to_twins"])}
