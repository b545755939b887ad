"""The controlled scheduler (issue 10): how many schedules it explores per second, what tracing the implementation's
lines costs on a correct Future, and how long the suite takes to its first violation on each race-only faulty module
of tests/faulty/races/ (`--exitfirst`, settings `ci`, median and worst over seeds).

Schedules per second are those of the race machine's tour (every schedule with at most one preemption of each fixed
scenario, and for the wait()/as_completed() ones and the Future's completions racing the share of two-preemption
schedules profiles.py gives); the
tracing overhead compares the same non-preemptive scenario run with the implementation's lines as switch points and
with only its lock operations as switch points. On 3.12+, where the lines come from sys.monitoring, the tour is also
run with settrace as their source, and the ratio of the two rates is reported (`settrace_ratio`: monitoring's
schedules per second over settrace's; measured, not asserted)."""
import pathlib
import statistics
import time

from conformance import loading, profiles, runner
from conformance.executors import races
from conformance.future import race_machine, scenario, tour as future_tour
from conformance.scheduling import scheduler, strategies

from .common import ROOT

RACES = ROOT / "tests" / "faulty" / "races"
ADAPTERS = ("reference", "stdlib-thread")


def _tour_rate(spec):
    """(schedules, seconds) for the tour's Future scenarios and the wait/as_completed/executor ones."""
    adapter = loading.load(spec)
    modules, files = race_machine.implementation(adapter.new_future())
    count, started = 0, time.perf_counter()

    def attempt(prefix, threads):
        def run(strategy):
            nonlocal count
            count += 1
            ran = scenario.Scenario(adapter, prefix, threads, 0.05)
            scenario.verdict(ran, ran.run(modules, files, strategy, 10.0))
        return run
    for prefix, threads in race_machine.TOUR:
        kind = "completions" if all(len(ops) == 1 and ops[0] in future_tour.COMPLETING for ops in threads) else None
        preemptions, deepest = profiles.RACE_TOUR_DEEPER.get(kind, (race_machine.TOUR_PREEMPTIONS, None))
        prefix, threads = scenario.normalized(prefix, threads, "running-state" in adapter.capabilities)
        strategies.bounded(attempt(prefix, threads), preemptions, race_machine.TOUR_RUNS, deepest=deepest)
    for key in ("wait", "executor"):
        found = [m for m in races.target(adapter, key) if (getattr(m, "__file__", None) or "").endswith(".py")]
        target = (modules + found, files + [m.__file__ for m in found])
        for kind, detail, completions in races.TOUR:
            if (kind == "executor") == (key == "executor"):
                def run(strategy, kind=kind, detail=detail, completions=completions):
                    nonlocal count
                    count += 1
                    race = races.Race(adapter, kind, detail, completions)
                    race.verdict(race.run(*target, strategy, 10.0))
                preemptions, deepest = profiles.RACE_TOUR_DEEPER.get(kind, (race_machine.TOUR_PREEMPTIONS, None))
                strategies.bounded(run, preemptions, race_machine.TOUR_RUNS, deepest=deepest)
    return count, time.perf_counter() - started


def _tracing_overhead(spec, repeats):
    """Seconds per non-preemptive run of a classic race, with the implementation's lines traced and without: the
    median of each, the two kinds of run taken in turn, so that a busy machine slows both alike."""
    adapter = loading.load(spec)
    modules, files = race_machine.implementation(adapter.new_future())
    per_run = {"traced": [], "untraced": []}
    for _ in range(repeats):
        for label, traced in (("traced", files), ("untraced", [])):
            started = time.perf_counter()
            ran = scenario.Scenario(adapter, (), (("add_done_callback", "result"), ("set_result",)), 0.05)
            ran.run(modules, traced, strategies.Choices(), 10.0)
            per_run[label].append(time.perf_counter() - started)
    return {label: statistics.median(seconds) for label, seconds in per_run.items()}


def _settrace_rate(spec):
    """Schedules per second of the tour with settrace as the source of switch points (sys.monitoring set aside)."""
    monitoring, scheduler.MONITORING = scheduler.MONITORING, None
    try:
        schedules, seconds = _tour_rate(spec)
    finally:
        scheduler.MONITORING = monitoring
    return schedules / seconds


def _first_violation(name, seeds):
    spec = f"cf-module:tests.faulty.races.{name}"
    seconds, clauses = [], set()
    for seed in seeds:
        started = time.perf_counter()
        report = runner.run(loading.load(spec), settings_profile="ci", seed=seed, spec=spec, exitfirst=True)
        seconds.append(time.perf_counter() - started)
        clauses |= {cid for cid, v in report.verdicts.items() if v.verdict == "fail"}
    return {"module": name, "seeds": len(seeds), "clauses": sorted(clauses), "median_seconds":
            statistics.median(seconds), "worst_seconds": max(seconds)}


def run(quick):
    seeds = [0] if quick else [0, 1, 2]
    rates = []
    for spec in ADAPTERS[:1] if quick else ADAPTERS:
        schedules, seconds = _tour_rate(spec)
        overhead = _tracing_overhead(spec, 50 if quick else 200)
        rates.append({"adapter": spec, "schedules": schedules, "seconds": seconds,
                      "schedules_per_second": schedules / seconds, "traced_ms": overhead["traced"] * 1e3,
                      "untraced_ms": overhead["untraced"] * 1e3, "tracing_ratio": overhead["traced"] /
                      overhead["untraced"], "switch_points": "sys.monitoring" if scheduler.MONITORING else "settrace"})
        if scheduler.MONITORING is not None:
            rates[-1]["settrace_ratio"] = (schedules / seconds) / _settrace_rate(spec)
    names = sorted(p.stem for p in pathlib.Path(RACES).glob("*.py") if not p.stem.startswith("_")) \
        if (RACES / "__init__.py").is_file() else []
    modules = [_first_violation(name, seeds) for name in names]
    medians = [m["median_seconds"] for m in modules]
    return {"seeds": seeds, "adapters": rates, "modules": modules,
            "median_seconds": statistics.median(medians) if medians else None,
            "worst_seconds": max(m["worst_seconds"] for m in modules) if modules else None}
