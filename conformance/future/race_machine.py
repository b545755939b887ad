"""The controlled race machine of the cf profile: race scenarios on one future, each run under schedules the suite
chooses (conformance/scheduling/), judged by scenario.py.

The search draws a scenario and a PCT schedule (priorities and change points: plain data, so Hypothesis shrinks both
and the printed step replays exactly that schedule). The tour explores fixed scenarios — the classic races of
CF-ATOMIC-1..3 and CF-BLOCK-2 — under every schedule with at most one preemption, so those are found on every run
whatever the seed. An implementation with no Python source to trace, or one that blocks where the scheduler cannot
see (C code, a lock made before the scenario), is left to the free-running `race` rule of machine.py; the report says
which mode judged it (`races` in the adapter's description).
"""
import os
import sys

from hypothesis import strategies as st
from hypothesis.stateful import rule

from ..executors import races
from ..judging import Judge, judged
from ..scheduling import strategies
from ..scheduling.scheduler import where
from .model import TRANSITIONS as CELLS
from .scenario import OPERATIONS, PREFIXES, READS, Scenario, normalized, verdict

SCENARIOS_PER_EXAMPLE = 3  # race() steps that run a scenario in one example; the rest of its steps are free
TOUR_PREEMPTIONS = 1
TOUR_RUNS = 400  # schedules at most per tour scenario
CHANGE_POINTS = 1000  # change points are drawn in [0, 1000) and scaled to the scenario's length
FOUNDATIONS = {"CF-RESULT-1", "CF-RESULT-2", "CF-EXC-1", "CF-EXC-2", "CF-TIMEOUT-1", "CF-TIMEOUT-3", "CF-BLOCK-1",
               "CF-CB-1", "CF-CB-2", "CF-CB-3", "CF-CB-4", "CORE-CB-1", "CORE-QUERY-1", "CORE-QUERY-2",
               "CF-QUERY-1", "CORE-OUTCOME-1"} | {c for step in CELLS.values() for c in (step.clause, step.exact and
                                                                                         step.exact[0]) if c}
TOUR = [  # (prefix, threads): the classic races, each explored exhaustively up to TOUR_PREEMPTIONS preemptions
    ((), (("set_result",), ("set_result",))),
    ((), (("set_result",), ("cancel",))),
    ((), (("cancel",), ("set_running_or_notify_cancel",))),
    ((), (("add_done_callback",), ("set_result",))),
    ((), (("add_done_callback",), ("cancel",))),
    ((), (("result",), ("set_result",))),
    ((), (("exception(timeout)",), ("set_exception",))),
    (("set_running_or_notify_cancel",), (("result",), ("result",), ("set_result",))),
    (("add_done_callback",), (("set_result",), ("set_exception",))),
    (("add_done_callback",), (("set_result",), ("result(0)",))),
    ((), (("set_exception",), ("result(0)", "done"))),
]

prefixes = st.lists(st.sampled_from(PREFIXES), max_size=2).map(tuple)
thread_lists = st.lists(st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=3).map(tuple),
                        min_size=2, max_size=3).map(tuple)


def implementation(future):
    """The modules a future's class and its bases come from (the suite's own aside), and their source files."""
    modules = []
    for cls in type(future).__mro__:
        module = sys.modules.get(cls.__module__)
        path = getattr(module, "__file__", None) or ""
        if path.endswith(".py") and not module.__name__.startswith("conformance") and module not in modules:
            modules.append(module)
    return modules, [os.path.realpath(m.__file__) for m in modules]


class RaceMachine(Judge):
    def __init__(self):
        super().__init__()
        self.scenarios = 0
        if getattr(self.adapter, "race_implementation", None) is None:
            modules, files = self.adapter.race_implementation = implementation(self.adapter.new_future())
            self.adapter.race_mode = (
                f"controlled scheduler, tracing {', '.join(m.__name__ for m in modules)}" if files else
                "free-running threads only: the Future has no Python source to trace")
        self.modules, self.files = self.adapter.race_implementation

    @rule(prefix=prefixes, threads=thread_lists, priorities=st.permutations(range(3)),
          changes=st.lists(st.integers(0, CHANGE_POINTS - 1), max_size=3))
    @judged
    def race(self, prefix, threads, priorities, changes):
        """A scenario under the non-preemptive schedule, then under one PCT schedule."""
        self.scenarios += 1
        if self.scenarios > SCENARIOS_PER_EXAMPLE:
            return
        prefix, threads = self.scenario(prefix, threads)
        if threads is None:
            return
        steps = self.attempt(prefix, threads, strategies.Choices, shrink=True)
        if steps is not None:
            order = sorted(range(len(threads)), key=lambda i: priorities[i])
            ranks = [order.index(i) for i in range(len(threads))]
            self.attempt(prefix, threads, lambda: strategies.PCT(
                ranks, [1 + c * steps // CHANGE_POINTS for c in changes]), shrink=True)

    @judged
    def explore(self, prefix, threads, preemptions=TOUR_PREEMPTIONS):
        """A scenario under every schedule with at most `preemptions` preemptions (the tour's floor)."""
        prefix, threads = self.scenario(prefix, threads)
        if threads is not None:
            strategies.bounded(lambda strategy: self.attempt(prefix, threads, lambda: strategy, stop=True),
                               preemptions, TOUR_RUNS)

    @judged
    def replay_schedule(self, prefix, threads, choices):
        """A scenario under one schedule: `choices` at its decision points, as a counterexample prints them."""
        prefix, threads = self.scenario(prefix, threads)
        if threads is not None:
            self.attempt(prefix, threads, lambda: strategies.Choices(choices))

    @judged
    def explore_race(self, kind, detail, completions, preemptions=TOUR_PREEMPTIONS, choices=None):
        """A wait(), as_completed() or executor scenario (conformance/executors/races.py) under every schedule with
        at most `preemptions` preemptions, or under the one `choices` gives."""
        target = self.race_target(kind)
        if target is None or FOUNDATIONS & self.ledger.muted:
            return

        def attempt(strategy):
            race = races.Race(self.adapter, kind, detail, tuple(completions))
            outcome = race.run(*target, strategy, self.limits.hang)
            if outcome.status in ("uncontrolled", "livelock"):
                self.free_running("executor" if kind == "executor" else "wait", outcome)
                return outcome
            found = race.verdict(outcome)
            if found is not None:
                replay = (f"state.explore_race(kind={kind!r}, detail={detail!r}, completions={tuple(completions)!r}, "
                          f"choices={strategy.taken!r})")
                self.fail(found[0], f"{found[1]}\n{race.show()}\nswitches (thread@where it was preempted→next): "
                                    f"{_switches(outcome)}\nreplay this schedule: {replay}")
            return found
        if choices is not None:
            return attempt(strategies.Choices(choices))
        if strategies.bounded(attempt, preemptions, TOUR_RUNS) is None:
            for clause_id in races.CHECKS[detail or kind]:
                self.passed(clause_id)

    def race_target(self, kind):
        """The modules and source files a wait()/as_completed() (kind "wait") or executor scenario runs under the
        scheduler — the Future's and the function's or the executor's — or None when it cannot (found once)."""
        key = "executor" if kind == "executor" else "wait"
        targets = self.adapter.__dict__.setdefault("race_targets", {})
        if key not in targets:
            targets[key] = None
            needs = {"wait": {"wait"}, "executor": {"executor", "workers"}}[key]
            if self.files and needs <= set(self.adapter.capabilities) and not self.adapter.race_mode.startswith("free"):
                found = [m for m in races.target(self.adapter, key) if (getattr(m, "__file__", None) or "").endswith(
                    ".py") and not m.__name__.startswith("conformance")]
                modules = self.modules + [m for m in found if m not in self.modules]
                if found:
                    targets[key] = modules, [os.path.realpath(m.__file__) for m in modules]
                    self.adapter.race_mode += f"; {races.NAMES[key]}: tracing " + ", ".join(m.__name__ for m in found)
        return targets[key]

    def free_running(self, key, outcome):
        self.adapter.race_targets[key] = None
        self.adapter.race_mode += f"; {races.NAMES[key]}: free-running only, " + (
            f"blocked outside the scheduler's control at {outcome.stuck}" if outcome.stuck else "never finished")

    def scenario(self, prefix, threads):
        """The scenario to run, or (…, None) when this machine does not judge it."""
        if not self.files or getattr(self.adapter, "race_mode", "").startswith("free"):
            return prefix, None
        prefix, threads = normalized(prefix, threads, "running-state" in self.adapter.capabilities)
        if len(threads) < 2 or FOUNDATIONS & self.ledger.muted:
            return prefix, None  # linearizability is judged against the serial semantics: not while they are broken
        return prefix, threads

    def attempt(self, prefix, threads, make, stop=False, shrink=False):
        """Run the scenario once under the schedule `make()` gives; a violation is reported (and raises), with the
        scenario shrunk first if `shrink`. The racing phase's step count, or None."""
        strategy = make()
        scenario, outcome, found = self.run(prefix, threads, strategy)
        if outcome.status in ("uncontrolled", "livelock"):
            self.adapter.race_mode = "free-running threads only: under the controlled scheduler the implementation " + (
                f"blocked outside its control at {outcome.stuck}" if outcome.stuck else "never finished a scenario")
            return None
        if found is None:
            for clause_id in self.clauses(threads):
                self.passed(clause_id)
            return None if stop else outcome.steps
        if shrink:
            prefix, threads, strategy, scenario, outcome, found = self.shrunk(
                prefix, threads, make, (strategy, scenario, outcome, found))
        clause_id, message = found
        self.fail(clause_id, self.counterexample(scenario, outcome, strategy, message, prefix, threads))

    def run(self, prefix, threads, strategy):
        scenario = Scenario(self.adapter, prefix, threads, self.limits.short_timeouts[-1])
        outcome = scenario.run(self.modules, self.files, strategy, self.limits.hang)
        return scenario, outcome, (verdict(scenario, outcome) if outcome.status in ("finished", "deadlock") else None)

    def shrunk(self, prefix, threads, make, ran):
        """The smallest scenario, one call or thread fewer at a time, that the same kind of schedule still finds
        breaking the same clause (Hypothesis's own shrinking re-runs whole examples: far slower, for less)."""
        clause_id = ran[-1][0]
        smaller = True
        while smaller:
            smaller = False
            for candidate in _fewer(prefix, threads):
                strategy = make()
                scenario, outcome, found = self.run(*candidate, strategy)
                if found is not None and found[0] == clause_id:
                    (prefix, threads), ran, smaller = candidate, (strategy, scenario, outcome, found), True
                    break
        return (prefix, threads) + ran

    @staticmethod
    def clauses(threads):
        names = {op for ops in threads for op in ops}
        return (["CF-ATOMIC-1", "CF-ATOMIC-4"] + ["CF-ATOMIC-2"] * ({"cancel", "set_running_or_notify_cancel"} <= names)
                + ["CF-ATOMIC-3"] * ("add_done_callback" in names) + ["CF-CB-8"] * ("add_done_callback" in names)
                + ["CF-BLOCK-2"] * any(n in READS and READS[n][1] != 0 for n in names))

    def counterexample(self, scenario, outcome, strategy, message, prefix, threads):
        """The scenario as one column per thread, the switches as source lines, and a step that replays them."""
        columns = scenario.threads
        width = max(24, *(len(c.show()) + 2 for calls in columns for c in calls))
        header = ["prefix"] + [f"T{i}" for i in range(1, len(columns) - 1)] + ["final look"]
        rows = [" | ".join(h.ljust(width) for h in header)]
        for depth in range(max(len(c) for c in columns)):
            rows.append(" | ".join((calls[depth].show() if depth < len(calls) else "").ljust(width)
                                   for calls in columns))
        switches = _switches(outcome)
        replay = (f"state.replay_schedule(prefix={prefix!r}, threads={threads!r}, choices={strategy.taken!r})"
                  if isinstance(strategy, strategies.Choices) else "")
        return (f"{message}\n" + "\n".join(rows) + f"\nswitches (thread@where it was preempted→next): {switches}"
                + (f"\nreplay this schedule: {replay}" if replay else ""))


def _switches(outcome):
    return " → ".join(f"T{a + 1}@{where(w)}→T{b + 1}" for _, a, b, w in outcome.trail[:40]) + (
        " …" if len(outcome.trail) > 40 else "")


def _fewer(prefix, threads):
    """The scenarios with one call fewer (a thread left empty goes), prefix first, then the threads' last calls."""
    for i in range(len(prefix)):
        yield prefix[:i] + prefix[i + 1:], threads
    for t, ops in enumerate(threads):
        for i in reversed(range(len(ops))):
            rest = ops[:i] + ops[i + 1:]
            fewer = threads[:t] + ((rest,) if rest else ()) + threads[t + 1:]
            if len(fewer) >= 2:
                yield prefix, fewer
