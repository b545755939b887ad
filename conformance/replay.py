"""Replaying a counterexample: the snippet in a failure report builds its machine here and raises the violation."""
from . import clauses, config, loading
from .judging import RunContext
from .ledger import Ledger
from .profiles import PROFILES
from .runner import applicability
from .watchdog import Watchdog


def replay_machine(spec):
    """A fresh machine for the adapter SPEC, judging every applicable clause except declared deviations."""
    adapter = loading.load(spec)
    index = clauses.index()
    checked = [cid for cid, c in index.items() if c.checked and not applicability(c, adapter)]
    limits = config.Limits.from_environment()
    context = RunContext(adapter, Ledger(index, checked, muted=adapter.deviations), Watchdog(limits), limits)
    return PROFILES[adapter.profile].machine_class(context)()
