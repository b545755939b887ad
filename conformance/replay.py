"""Replaying a counterexample: the snippet in a failure report builds its machine here and raises the violation."""
from . import clauses, config, loading
from .judging import RunContext
from .ledger import Ledger
from .profiles import PROFILES
from .runner import applicability
from .watchdog import Watchdog


def replay_machine(spec, machine="FutureMachine"):
    """A fresh machine (named as in the report) for the adapter SPEC, judging every applicable clause except
    declared deviations."""
    adapter = loading.load(spec)
    index = clauses.index()
    checked = [cid for cid, c in index.items() if c.checked and not applicability(c, adapter)]
    limits = config.Limits.from_environment()
    context = RunContext(adapter, Ledger(index, checked, muted=adapter.deviations), Watchdog(limits), limits)
    classes = [m.judge.bound(context) for m in PROFILES[adapter.profile].machines_for(adapter)]
    return next((cls for cls in classes if cls.__name__ == machine), classes[0])()
