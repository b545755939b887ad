"""The static checks of the cf profile: what its exception classes must be (spec/future.md §4.10, CF-TIMEOUT-4,
EXEC-BROKEN-3). They need no future, so they run once, before any machine; each clause is judged on its own, so one
broken class never hides another."""
import itertools

from ..describing import class_name
from ..ledger import ClauseViolation, Muted

ROLES = ("CancelledError", "TimeoutError", "InvalidStateError")


def static_checks(adapter, ledger):
    """Every check below; the first violation is raised once all have run (the others are in the ledger)."""
    first = None
    for check in (_exceptions, _distinct, _builtin_timeout, _broken_executor):
        try:
            check(adapter, ledger)
        except Muted:
            pass
        except ClauseViolation as violation:
            first = first or violation
    if first is not None:
        raise first


def _classes(adapter):
    return [(role, getattr(adapter, role)) for role in ROLES]


def _exceptions(adapter, ledger):
    if "CF-CLASS-1" not in ledger.applicable:
        return
    for role, cls in _classes(adapter):
        ledger.expect("CF-CLASS-1", isinstance(cls, type) and issubclass(cls, Exception),
                      lambda: f"the profile's {role} ({class_name(cls)}) is not a subclass of Exception")


def _distinct(adapter, ledger):
    if "CF-CLASS-2" not in ledger.applicable:
        return
    classes = [(role, cls) for role, cls in _classes(adapter) if isinstance(cls, type)]
    for (role, cls), (other_role, other) in itertools.permutations(classes, 2):
        ledger.expect("CF-CLASS-2", not issubclass(cls, other),
                      lambda: f"the profile's {role} ({class_name(cls)}) is "
                              f"{'the same class as' if cls is other else 'a subclass of'} its {other_role} "
                              f"({class_name(other)})")


def _builtin_timeout(adapter, ledger):
    if "CF-TIMEOUT-4" in ledger.applicable:
        cls = adapter.TimeoutError
        ledger.expect("CF-TIMEOUT-4", isinstance(cls, type) and issubclass(cls, TimeoutError),
                      f"the profile's TimeoutError ({class_name(cls)}) is not a subclass of the builtin TimeoutError")


def _broken_executor(adapter, ledger):
    if "EXEC-BROKEN-3" not in ledger.applicable:
        return
    cls = adapter.BrokenExecutor
    ledger.expect("EXEC-BROKEN-3", isinstance(cls, type) and issubclass(cls, RuntimeError),
                  f"the profile's BrokenExecutor ({class_name(cls)}) is not a subclass of RuntimeError")
    for role, other in _classes(adapter):
        ledger.expect("EXEC-BROKEN-3", not (isinstance(other, type) and issubclass(cls, other)),
                      lambda: f"the profile's BrokenExecutor ({class_name(cls)}) is a subclass of its {role} "
                              f"({class_name(other)})")
