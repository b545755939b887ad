"""The profiles the suite can check: for each, its state machines (with the capabilities each needs), their tours,
and the class-level checks."""
from dataclasses import dataclass
from typing import Callable, FrozenSet, Tuple

from . import (aio_machine, aio_tour, bridge_machine, bridge_tour, cf_machine, cf_tour, exec_machine, exec_tour,
               task_machine, task_tour, wait_machine, wait_tour)


@dataclass(frozen=True)
class Machine:
    machine_class: Callable  # RunContext -> a RuleBasedStateMachine class bound to the run
    walks: Callable  # adapter capabilities -> the tour's walks
    needs: FrozenSet[str] = frozenset()  # capabilities the adapter must declare for this machine to run
    scale: Callable = lambda adapter: 1.0  # the share of the profile's Hypothesis examples this machine runs


@dataclass(frozen=True)
class Profile:
    machines: Tuple[Machine, ...]
    static_checks: Callable  # (adapter, ledger) -> None: checks that need no future

    def machines_for(self, adapter):
        return [m for m in self.machines if m.needs <= set(adapter.capabilities)]


PROFILES = {
    "cf": Profile((Machine(cf_machine.machine_class, cf_tour.walks),
                   Machine(wait_machine.machine_class, wait_tour.walks, frozenset({"wait"})),
                   Machine(exec_machine.machine_class, exec_tour.walks, frozenset({"executor"}),
                           lambda adapter: adapter.executor_examples)),
                  cf_machine.static_checks),
    "asyncio": Profile((Machine(aio_machine.machine_class, aio_tour.walks),), aio_machine.static_checks),
    "task": Profile((Machine(task_machine.machine_class, task_tour.walks),), task_machine.static_checks),
    "bridge": Profile((Machine(bridge_machine.machine_class, bridge_tour.walks),), bridge_machine.static_checks),
}
