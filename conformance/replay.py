"""Replaying a counterexample: the snippet in a failure report builds its machine here and raises the violation."""
from . import clauses, config, loading
from .judging import RunContext
from .ledger import Ledger
from .profiles import PROFILES
from .progress import Progress
from .runner import applicability
from .watchdog import Watchdog


def replay_machine(spec, machine="FutureMachine", muted=(), refused=(), limits=None, progress=None):
    """A fresh machine (named as in the report) for the adapter SPEC, judging every applicable clause except
    declared deviations.

    An isolated run replays a crash's steps in a fresh child with the same context the crash had: the clauses
    already known to fail (`muted`), the kinds of call that crashed before (`refused`), its time limits, and a
    progress that streams the calls to the parent (isolation.py)."""
    adapter = loading.load(spec)
    index = clauses.index()
    checked = [cid for cid, c in index.items() if c.checked and not applicability(c, adapter)]
    limits = limits or config.Limits.from_environment()
    progress = progress or Progress()
    ledger = Ledger(index, checked, muted={*adapter.deviations, *muted})
    context = RunContext(adapter, ledger, Watchdog(limits, progress, refused), limits, progress)
    classes = [m.judge.bound(context) for m in PROFILES[adapter.profile].machines_for(adapter)]
    return next((cls for cls in classes if cls.__name__ == machine), classes[0])()
