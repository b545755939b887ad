"""The profiles the suite can check, and for each its state machine, its tour and its class-level checks."""
from dataclasses import dataclass
from typing import Callable

from . import aio_machine, aio_tour, cf_machine, cf_tour, task_machine, task_tour


@dataclass(frozen=True)
class Profile:
    machine_class: Callable  # RunContext -> a RuleBasedStateMachine class bound to the run
    walks: Callable  # adapter capabilities -> the tour's walks
    static_checks: Callable  # (adapter, ledger) -> None: checks that need no future


PROFILES = {
    "cf": Profile(cf_machine.machine_class, cf_tour.walks, cf_machine.static_checks),
    "asyncio": Profile(aio_machine.machine_class, aio_tour.walks, aio_machine.static_checks),
    "task": Profile(task_machine.machine_class, task_tour.walks, task_machine.static_checks),
}
