"""Faulty executors, wait() and as_completed(): each module is reference/executor.py with one step overridden,
checked as `cf-module:tests.faulty.executors.NAME`. Their Future is the reference's, so the Future machine is
skipped.

A module defines only what it overrides (its ThreadPoolExecutor, or its wait and as_completed) and sets
`__getattr__ = from_reference`, so that every other name cf-module: looks up in it is the reference's."""
import reference.executor

PROFILE = "cf"
ADAPTER = "cf-module:{module}"
SKIP_MACHINES = ("FutureMachine",)
MINIMUM = 15


def from_reference(name):
    """A faulty module's `__getattr__` (PEP 562): the names of reference/executor.py's __all__ it does not define
    (Future, the exception classes, the executor, wait, as_completed, ALL_COMPLETED …) are the reference's."""
    if name in reference.executor.__all__:
        return getattr(reference.executor, name)
    raise AttributeError(f"neither this faulty module nor reference.executor exports {name!r}")
