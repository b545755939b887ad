"""The controlled race machine of the cf profile: race scenarios on one future, each run under schedules the suite
chooses (conformance/scheduling/), judged by scenario.py.

The search draws a scenario and a PCT schedule (priorities and change points: plain data, so Hypothesis shrinks both
and the printed step replays exactly that schedule). The tour explores fixed scenarios — the classic races of
CF-ATOMIC-1..3 and CF-BLOCK-2, and those of wait(), as_completed() and a thread pool — under every schedule with at
most one preemption, fewest preemptions first, so those are found on every run whatever the seed; the wait() and
as_completed() ones, and the Future's completions racing each other, go on to a share of the schedules with two
(profiles.RACE_TOUR_DEEPER). An implementation with
no Python source to trace, or one that blocks where the scheduler cannot see (C code, a lock made before the
scenario), is left to the free-running `race` rule of machine.py; the report says which mode judged it (`races` in
the adapter's description).
"""
import collections
import os
import random
import sys

from hypothesis import strategies as st
from hypothesis.stateful import rule

from ..executors import races
from ..judging import Judge, judged
from ..scheduling import scheduler, strategies
from ..scheduling.scheduler import where
from .model import TRANSITIONS as CELLS
from .scenario import OPERATIONS, PREFIXES, READS, Scenario, normalized, verdict

SCENARIOS_PER_EXAMPLE = 3  # race() steps that run a scenario in one example; the rest of its steps are free
TOUR_PREEMPTIONS = 1
TOUR_RUNS = 400  # schedules at most per tour scenario
GENERATED_RUNS = 120  # schedules switching once, at most, for a generated wait()/executor scenario
FRESH_TRIES = 20  # scenarios drawn at most to replace one whose schedules have all run
SHRINK_RUNS = 200  # schedules at most to shrink a failing one to its fewest preemptions
LEFT_BEHIND = " (its thread, blocked in code Python cannot interrupt, is left behind until it returns)"
CHANGE_POINTS = 1000  # change points are drawn in [0, 1000) and scaled to the scenario's length
FOUNDATIONS = {"CF-RESULT-1", "CF-RESULT-2", "CF-EXC-1", "CF-EXC-2", "CF-TIMEOUT-1", "CF-TIMEOUT-3", "CF-BLOCK-1",
               "CF-CB-1", "CF-CB-2", "CF-CB-3", "CF-CB-4", "CORE-CB-1", "CORE-QUERY-1", "CORE-QUERY-2", "CORE-QUERY-3",
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
            try:
                made = self.adapter.new_future()
            except Exception as error:  # CORE-STATE-1's, judged by the Future machine: no future, nothing to trace
                made, unmade = None, f"the adapter's new_future() raised {type(error).__name__}"
            modules, files = self.adapter.race_implementation = implementation(made) if made is not None else ([], [])
            self.adapter.race_mode = (
                f"controlled scheduler, tracing {', '.join(m.__name__ for m in modules)}" if files else
                f"free-running threads only: {unmade if made is None else 'the Future has no Python source to trace'}"
            ) + (
                " (a tracer, coverage's say, is active: the scheduler's settrace replaces it in scenario threads, "
                "whose lines it does not measure)" if files and sys.gettrace() and not scheduler.MONITORING else "")
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
    def explore(self, prefix, threads, preemptions=TOUR_PREEMPTIONS, deepest=None):
        """A scenario under every schedule with at most `preemptions` preemptions (the tour's floor), fewest first
        (with `deepest`: at most that many with `preemptions`, after every one with fewer)."""
        prefix, threads = self.scenario(prefix, threads)
        if threads is not None:
            strategies.bounded(lambda strategy: self.attempt(prefix, threads, lambda: strategy, stop=True),
                               preemptions, TOUR_RUNS, deepest=deepest)

    @judged
    def replay_schedule(self, prefix, threads, choices):
        """A scenario under one schedule: `choices` at its decision points, as a counterexample prints them."""
        prefix, threads = self.scenario(prefix, threads)
        if threads is not None:
            self.attempt(prefix, threads, lambda: strategies.Choices(choices))

    @rule(waiters=st.lists(st.sampled_from(races.WAITERS), min_size=1, max_size=2).map(tuple),
          completions=st.lists(st.sampled_from(races.COMPLETIONS), min_size=2, max_size=2).map(tuple),
          priorities=st.permutations(range(4)), changes=st.lists(st.integers(0, CHANGE_POINTS - 1), max_size=3),
          order=st.integers(0, 2 ** 32 - 1))
    @judged
    def race_waiters(self, waiters, completions, priorities, changes, order):
        """One or two waiters (wait(), as_completed()) racing the threads that complete their futures."""
        self.generated("waiters", waiters, completions, priorities, changes, order)

    @rule(workers=st.integers(1, 2), threads=st.lists(st.builds(
              lambda calls, end: (*calls, *end), st.lists(st.sampled_from(races.EXECUTOR_CALLS[:2]), max_size=2),
              st.sampled_from(races.ENDINGS))
              .filter(bool), min_size=2, max_size=3),
          priorities=st.permutations(range(5)), changes=st.lists(st.integers(0, CHANGE_POINTS - 1), max_size=3),
          order=st.integers(0, 2 ** 32 - 1))
    @judged
    def race_executor(self, workers, threads, priorities, changes, order):
        """An executor's workers and two or three threads, each submitting calls (waiting for their results or not),
        then shutting it down or not."""
        self.generated("executor", (workers, tuple(threads)), (), priorities, changes, order)

    def generated(self, kind, detail, completions, priorities, changes, order):
        """A generated wait()/as_completed()/executor scenario under the non-preemptive schedule, one PCT schedule
        (the workers the executor starts rank after the threads, in PCT's order), then GENERATED_RUNS of the
        schedules that switch once away from the non-preemptive one (strategies.switched_once: every place first,
        in an order drawn by `order`): these scenarios are longer than a Future's (a wait() installs callbacks, an
        executor starts workers), and a window a line wide needs its one switch at that line, wherever in the run it
        lies. A scenario drawn again goes on with its schedules not yet run; one whose schedules have all run is
        replaced by another not run yet (races.drawn, from `order`): Hypothesis draws the same small scenario often."""
        self.scenarios += 1
        target = self.race_target("executor" if kind == "executor" else "wait")
        if self.scenarios > SCENARIOS_PER_EXAMPLE or target is None or FOUNDATIONS & self.ledger.muted:
            return
        sweeps = self.adapter.__dict__.setdefault("race_sweeps", {})  # scenario -> (steps, schedules not run yet)
        scenario = races.normalized(kind, detail, completions)
        if scenario in sweeps and not sweeps[scenario][1]:
            drawn = random.Random(order)
            scenario = next((s for s in (races.drawn(kind, drawn) for _ in range(FRESH_TRIES))
                             if s not in sweeps or sweeps[s][1]), scenario)  # a replay finds the same one
        if scenario not in sweeps:
            base = strategies.Choices()
            steps = self.attempt_race(target, *scenario, lambda: base, stop=False)
            if steps is None:
                return
            sweeps[scenario] = steps, collections.deque(strategies.switched_once(base, random.Random(order)))
        steps, pending = sweeps[scenario]
        if self.attempt_race(target, *scenario, lambda: strategies.PCT(
                priorities, [1 + c * steps // CHANGE_POINTS for c in changes]), stop=False) is None:
            return
        for _ in range(min(GENERATED_RUNS, len(pending))):
            if self.attempt_race(target, *scenario, lambda: strategies.Choices(pending[0])) is not None:
                return  # the implementation escaped the scheduler's control
            pending.popleft()  # only once it passed: a schedule that broke a clause is the first one a replay runs

    @judged
    def explore_race(self, kind, detail, completions, preemptions=TOUR_PREEMPTIONS, choices=None, deepest=None):
        """A wait(), as_completed() or executor scenario (conformance/executors/races.py) under every schedule with
        at most `preemptions` preemptions, fewest first (with `deepest`: at most that many with `preemptions`, after
        every one with fewer), or under the one `choices` gives."""
        target = self.race_target("executor" if kind == "executor" else "wait")
        if target is None or FOUNDATIONS & self.ledger.muted:
            return
        if choices is not None:
            self.attempt_race(target, kind, detail, completions, lambda: strategies.Choices(choices), shrink=False)
        elif strategies.bounded(lambda strategy: self.attempt_race(target, kind, detail, completions,
                                                                   lambda: strategy, shrink=False),
                                preemptions, TOUR_RUNS, deepest=deepest) is None:
            for clause_id in races.clauses(kind, detail):
                self.passed(clause_id)

    def attempt_race(self, target, kind, detail, completions, make, stop=True, shrink=True):
        """Run a wait()/as_completed()/executor scenario once under `make()`'s schedule; a violation is reported
        (the scenario and the schedule shrunk first if `shrink`). The run's step count (None with `stop`, or if the
        implementation escaped the scheduler's control)."""
        race, outcome, found = self.race_run(target, kind, detail, completions, make())
        if outcome.status in ("uncontrolled", "livelock"):
            self.free_running("executor" if kind == "executor" else "wait", outcome)
            return outcome if stop else None
        if race.unmade is not None:
            return None  # the futures or the executor could not be made: nothing was judged
        if found is None:
            if not stop:
                for clause_id in races.clauses(kind, detail):
                    self.passed(clause_id)
            return None if stop else outcome.steps
        strategy = race.strategy
        if shrink and not self.known_broken(found[0]):  # a clause already seen broken is muted: no use shrinking
            clause_id = found[0]
            self.budget = SHRINK_RUNS  # runs in all to find smaller scenarios
            smaller = True
            while smaller:
                smaller = False
                for candidate in _fewer_race(kind, detail, completions):
                    ran = self.reproduced(target, candidate, clause_id, _again(strategy, make))
                    if ran is not None:
                        (kind, detail, completions), (race, outcome, found), smaller = candidate, ran, True
                        strategy = race.strategy
                        break
            choices = strategies.shrunk(lambda trial: (lambda ran: ran[2] is not None and ran[2][0] == clause_id)(
                self.race_run(target, kind, detail, completions, trial)), strategy, SHRINK_RUNS)
            again = self.race_run(target, kind, detail, completions, strategies.Choices(choices))
            if again[2] is not None and again[2][0] == found[0]:  # always, the run being deterministic
                (race, outcome, found), strategy = again, again[0].strategy
        replay = (f"state.explore_race(kind={kind!r}, detail={detail!r}, completions={tuple(completions)!r}, "
                  f"choices={strategy.sparse!r})")
        self.fail(found[0], f"{found[1]}\n{race.show()}\nswitches (thread@where it was preempted→next): "
                            f"{_switches(outcome)}\nreplay this schedule: {replay}")

    def reproduced(self, target, scenario, clause_id, strategy):
        """A smaller scenario's run that breaks `clause_id`: under `strategy`, else under the non-preemptive schedule
        or one that switches once away from it (while the shrinking's budget of runs lasts), or None."""
        if self.budget <= 0:
            return None
        self.budget -= 1
        ran = self.race_run(target, *scenario, strategy)
        if ran[2] is None and ran[1].status == "finished" and self.budget > 0:
            base = strategies.Choices()
            ran = self.race_run(target, *scenario, base)
            for choices in strategies.switched_once(base):
                self.budget -= 1
                if ran[2] is not None or ran[1].status != "finished" or self.budget < 0:
                    break
                ran = self.race_run(target, *scenario, strategies.Choices(choices))
        return ran if ran[2] is not None and ran[2][0] == clause_id else None

    def race_run(self, target, kind, detail, completions, strategy):
        race = races.Race(self.adapter, kind, detail, tuple(completions))
        race.strategy = strategy
        outcome = race.run(*target, strategy, self.limits.hang)
        return race, outcome, (race.verdict(outcome) if outcome.status in ("finished", "deadlock") else None)

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
            f"blocked outside the scheduler's control at {outcome.stuck}" if outcome.stuck else "never finished") + (
            LEFT_BEHIND if outcome.left_behind else "")

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
                f"blocked outside its control at {outcome.stuck}" if outcome.stuck else "never finished a scenario") + (
                LEFT_BEHIND if outcome.left_behind else "")
            return None
        if found is None:
            for clause_id in self.clauses(threads):
                self.passed(clause_id)
            return None if stop else outcome.steps
        if shrink and not self.known_broken(found[0]):
            prefix, threads, strategy, scenario, outcome, found = self.shrunk(
                prefix, threads, make, (strategy, scenario, outcome, found))
            choices = strategies.shrunk(lambda trial: (lambda ran: ran[2] is not None and ran[2][0] == found[0])(
                self.run(prefix, threads, trial)), strategy, SHRINK_RUNS)
            again = self.run(prefix, threads, strategies.Choices(choices))
            if again[2] is not None and again[2][0] == found[0]:  # always, the run being deterministic
                (scenario, outcome, found), strategy = again, again[0].strategy
        clause_id, message = found
        self.fail(clause_id, self.counterexample(scenario, outcome, strategy, message, prefix, threads))

    def run(self, prefix, threads, strategy):
        scenario = Scenario(self.adapter, prefix, threads, self.limits.short_timeouts[-1])
        scenario.strategy = strategy
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
        replay = f"state.replay_schedule(prefix={prefix!r}, threads={threads!r}, choices={strategy.sparse!r})"
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


def _again(strategy, make):
    """A fresh schedule like `strategy` (a strategy records its run: it is not run twice)."""
    return strategies.Choices(strategy.prefix) if isinstance(strategy, strategies.Choices) else make()


def _fewer_race(kind, detail, completions):
    """The wait()/as_completed()/executor scenarios with one waiter, completion, call or worker fewer."""
    if kind == "waiters":
        for i in range(len(detail)):
            if len(detail) > 1:
                yield kind, detail[:i] + detail[i + 1:], completions
        for i in range(len(completions)):
            if len(completions) > 1:
                yield kind, detail, completions[:i] + completions[i + 1:]
    elif kind == "executor" and not isinstance(detail, str):
        workers, threads = detail
        if workers > 1:
            yield kind, (workers - 1, threads), completions
        for t, ops in enumerate(threads):
            for i in reversed(range(len(ops))):
                rest = ops[:i] + ops[i + 1:]
                yield races.normalized(kind, (workers, threads[:t] + ((rest,) if rest else ()) + threads[t + 1:]), ())
