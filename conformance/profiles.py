"""The profiles the suite can check, and for each its state machine, its tour and its class-level checks."""
from dataclasses import dataclass
from typing import Callable

from . import aio_machine, aio_tour, bridge_machine, bridge_tour, cf_machine, cf_tour


@dataclass(frozen=True)
class Profile:
    machine_class: Callable  # RunContext -> a RuleBasedStateMachine class bound to the run
    walks: Callable  # adapter capabilities -> the tour's walks
    static_checks: Callable  # (adapter, ledger) -> None: checks that need no future


PROFILES = {
    "cf": Profile(cf_machine.machine_class, cf_tour.walks, cf_machine.static_checks),
    "asyncio": Profile(aio_machine.machine_class, aio_tour.walks, aio_machine.static_checks),
    "bridge": Profile(bridge_machine.machine_class, bridge_tour.walks, bridge_machine.static_checks),
}
