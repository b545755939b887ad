"""`cf-module:DOTTED.NAME` — check any module that mirrors the concurrent.futures API, with no code written.

The module's Future is driven through its own methods. Exception classes the module lacks fall back to the
standard library's (the report says so); a Future lacking running()/set_running_or_notify_cancel() has no
RUNNING state, so the clauses that need one are reported not applicable.
"""
import concurrent.futures
import importlib

from ..adapter import CAPABILITIES, Adapter, AdapterError

_RUNNING_STATE_METHODS = ("running", "set_running_or_notify_cancel")


class ModuleAdapter(Adapter):
    """An adapter over a module's Future class and exception classes."""

    def __init__(self, module, name):
        future_class = getattr(module, "Future", None)
        if not callable(future_class):
            raise AdapterError(f"module {module.__name__!r} has no Future class, which cf-module: needs")
        self.name = name
        self.module = module
        self.future_class = future_class
        self.fallbacks = []
        for role in ("CancelledError", "TimeoutError", "InvalidStateError"):
            cls = getattr(module, role, None)
            if cls is None:
                cls = getattr(concurrent.futures, role)
                self.fallbacks.append(role)
            setattr(self, role, cls)
        capabilities = set(CAPABILITIES["cf"])
        if not all(callable(getattr(future_class, m, None)) for m in _RUNNING_STATE_METHODS):
            capabilities.discard("running-state")
        if "InvalidStateError" in self.fallbacks:
            capabilities.discard("invalid-state-error")
        self.capabilities = frozenset(capabilities)

    def new_future(self):
        return self.future_class()

    def describe(self):
        description = dict(super().describe())
        if self.fallbacks:
            description["notes"] = [f"module has no {role}; using concurrent.futures.{role}" for role in self.fallbacks]
        return description


def load(dotted_name):
    try:
        module = importlib.import_module(dotted_name)
    except Exception as exc:  # whatever importing the user's module raises, the user needs one clear line
        raise AdapterError(f"cannot import module {dotted_name!r}: {type(exc).__name__}: {exc}") from None
    return ModuleAdapter(module, f"cf-module:{dotted_name}")
