"""The spec profiles the suite can check (`cf`, `asyncio`, `task`, `bridge`, `combinators`): for each, the machines
that judge it (each with the capabilities it needs, its tour and its share of the examples) and its class-level
checks.

A profile draws on the chapters' packages: `cf` on the Future chapter (conformance/future/) and the executors
chapter (conformance/executors/), each other profile on the chapter of its name."""
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable, FrozenSet, Optional, Tuple

BARE = frozenset({"bare-future"})  # the machines that make their futures with new_future() and complete them
RACE_SHARE = 0.3  # of the settings profile's examples, for the controlled race machine (each runs 3 scenarios)
BRIDGE_RACE_SHARE = 0.1  # likewise for the bridge's (its tour explores every schedule of up to two preemptions)
# The race tour's scenarios by kind: (preemptions, schedules at most with that many), run after every schedule with
# fewer, fewest preemptions first (all of those with two: 360 to 12k schedules a wait()/as_completed() scenario; 160
# to 300 a Future's completions racing, where tests/faulty/races/outcome_stored_then_claimed needs two)
RACE_TOUR_DEEPER = {"wait": (2, 50), "as_completed": (2, 50), "completions": (2, 300)}
# Likewise for the bridge race tour's kinds held below two preemptions (bridge/races.PREEMPTIONS): executor+cancel's
# ≤1 schedules are 26 to 55, its ≤2 ones 160 to 364
BRIDGE_RACE_DEEPER = {"executor+cancel": (2, 100)}


@dataclass(frozen=True)
class Machine:
    judge: type  # the machine's class; `judge.bound(context)` binds it to one run
    walks: Callable  # adapter capabilities -> the tour's walks
    needs: FrozenSet[str] = frozenset()  # capabilities the adapter must declare for this machine to run
    scale: Callable = lambda adapter: 1.0  # the share of the settings profile's examples this machine runs
    steps: Optional[int] = None  # steps per example at most, when fewer than the settings profile's
    shrink: bool = True  # Hypothesis's shrinking (a machine that shrinks its own cases says no)
    cut_walks: bool = True  # a failing tour walk cut down to the steps it needs (runner._fewer_steps)

    @property
    def name(self):
        return self.judge.__name__


@dataclass(frozen=True)
class Lane:
    """Machines that an isolated run gives a child of their own, beside the child that runs the others (isolation.py):
    a run is then as long as its longest lane, not as its machines end to end. `echoes` run in this lane too, and
    their checks are not counted here (the first lane counts them): only what they find, which mutes its clauses for
    the lane's own machines as it would in one run — the race machine judges no schedule of a Future whose
    foundations the Future machine found broken."""
    machines: Tuple[str, ...]
    echoes: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    machines: Tuple[Machine, ...]
    static_checks: Optional[Callable] = None  # (adapter, ledger) -> None: checks that need no future
    lanes: Tuple[Lane, ...] = ()  # the lanes besides the first, which runs every machine they leave

    def machines_for(self, adapter):
        return [m for m in self.machines if m.needs <= set(adapter.capabilities)]

    def lanes_for(self, adapter):
        """The lanes besides the first that have a machine to run for this adapter."""
        names = {m.name for m in self.machines_for(adapter)}
        return [lane for lane in self.lanes if names & set(lane.machines)]

    def lane_plan(self, adapter, lane):
        """(machines to skip, echoes) in lane number `lane` (0: the first) of a run split in lanes."""
        names, others = {m.name for m in self.machines_for(adapter)}, self.lanes_for(adapter)
        if lane == 0:
            return {name for other in others for name in other.machines}, ()
        chosen = others[lane - 1]
        return names - set(chosen.machines) - set(chosen.echoes), chosen.echoes


def _cf():
    from .executors import executor_machine, executor_tour, wait_machine, wait_tour
    from .future import machine as future_machine, race_machine, tour as future_tour
    # The race machine last: its tour and search explore schedules, the run's costliest part, and a run that stops at
    # its first failure (--exitfirst) should not wait for them to report what a cheaper machine finds.
    return Profile((Machine(future_machine.FutureMachine, future_tour.walks, BARE),
                    Machine(wait_machine.WaitMachine, wait_tour.walks, BARE | {"wait"}),
                    # its walks start executors, process pools among them: each try at a shorter walk would start
                    # them again, and pile up what a broken pool leaves running
                    Machine(executor_machine.ExecutorMachine, executor_tour.walks, frozenset({"executor", "workers"}),
                            lambda adapter: adapter.executor_examples, cut_walks=False),
                    Machine(race_machine.RaceMachine, lambda caps: future_tour.race_walks(caps, RACE_TOUR_DEEPER),
                            BARE, scale=lambda adapter: RACE_SHARE, steps=race_machine.SCENARIOS_PER_EXAMPLE,
                            shrink=False)),
                   future_machine.static_checks,
                   # the race machine's schedules are half a run's CPU, the other machines' tours half their time
                   # spent waiting out time limits (the standard library's declared deviations): side by side
                   lanes=(Lane(("RaceMachine",), echoes=("FutureMachine",)),))


def _asyncio():
    from .aio import machine as aio_machine, tour as aio_tour
    return Profile((Machine(aio_machine.AioFutureMachine, aio_tour.walks),))


def _task():
    from .task import life as task_life, machine as task_machine, tour as task_tour
    return Profile((Machine(task_machine.TaskMachine, task_tour.walks),
                    Machine(task_life.TaskLifeMachine, task_tour.life_walks)))


def _bridge():
    from .bridge import machine as bridge_machine, races as bridge_races, tour as bridge_tour
    return Profile((Machine(bridge_machine.BridgeMachine, bridge_tour.walks),
                    Machine(bridge_races.BridgeRaceMachine,
                            lambda caps: bridge_tour.race_walks(caps, BRIDGE_RACE_DEEPER),
                            scale=lambda adapter: BRIDGE_RACE_SHARE, steps=3, shrink=False)))


def _combinators():
    from .combinators import (as_completed, gather, shield, task_group, timeout, tour as combinators_tour, wait,
                              wait_for)
    return Profile((Machine(gather.GatherMachine, combinators_tour.gather_walks),
                    Machine(shield.ShieldMachine, combinators_tour.shield_walks),
                    Machine(wait_for.WaitForMachine, combinators_tour.wait_for_walks),
                    Machine(wait.WaitMachine, combinators_tour.wait_walks),
                    Machine(timeout.TimeoutMachine, combinators_tour.timeout_walks),
                    Machine(as_completed.AsCompletedMachine, combinators_tour.as_completed_walks),
                    Machine(task_group.TaskGroupMachine, combinators_tour.task_group_walks)))


class _Profiles(Mapping):
    """The profiles by name, each built (its chapter's machines imported) the first time it is asked for: a run
    needs one, and importing every chapter's machines cost each process of a command a third of its start-up."""

    def __init__(self, builders):
        self._builders, self._built = builders, {}

    def __getitem__(self, name):
        if name not in self._built:
            self._built[name] = self._builders[name]()
        return self._built[name]

    def __iter__(self):
        return iter(self._builders)

    def __len__(self):
        return len(self._builders)


PROFILES = _Profiles({"cf": _cf, "asyncio": _asyncio, "task": _task, "bridge": _bridge, "combinators": _combinators})
