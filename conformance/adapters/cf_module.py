"""`cf-module:DOTTED.NAME[:ExecutorClass]` — check any module that mirrors the concurrent.futures API, with no code
written.

The module's Future is driven through its own methods. Exception classes the module lacks fall back to the
standard library's (the report says so); a Future lacking running()/set_running_or_notify_cancel() has no
RUNNING state, so the clauses that need one are reported not applicable. Whatever else the module has is checked
too: its `wait()` and `as_completed()`, and an executor class — the one named after the colon, else
`ThreadPoolExecutor`, else `ProcessPoolExecutor`. An executor whose class is a process pool (a subclass of the
standard library's, or named like one) gets process gates and may have its workers killed. An executor whose
shutdown() has no cancel_futures parameter lacks the capability `cancel-futures` and is given `wait` alone; one that
takes thread_name_prefix (and is no process pool) has `thread-name-prefix`; a process pool taking max_tasks_per_child
or mp_context has `max-tasks-per-child` or `mp-context`. A module with an `Executor` class (the abstract base) has
`executor-base`.
"""
import concurrent.futures
import inspect
import multiprocessing

from .. import gates
from ..adapter import user_module, FUTURE_CAPABILITIES, Adapter, AdapterError

_RUNNING_STATE_METHODS = ("running", "set_running_or_notify_cancel")
_EXECUTOR_CLASSES = ("ThreadPoolExecutor", "ProcessPoolExecutor")


class ModuleAdapter(Adapter):
    """An adapter over a module's Future class, exception classes, executor class and module functions."""

    def __init__(self, module, name, executor_class=None, executor_options=None, deviations=None, find_executor=True):
        future_class = getattr(module, "Future", None)
        if not callable(future_class):
            raise AdapterError(f"module {module.__name__!r} has no Future class, which cf-module: needs")
        self.name = name
        self.module = module
        self.future_class = future_class
        self.deviations = deviations or {}
        self.fallbacks = []
        for role in ("CancelledError", "TimeoutError", "InvalidStateError", "BrokenExecutor"):
            cls = getattr(module, role, None)
            if cls is None:
                cls = getattr(concurrent.futures, role)
                self.fallbacks.append(role)
            setattr(self, role, cls)
        capabilities = set(FUTURE_CAPABILITIES)
        if not all(callable(getattr(future_class, m, None)) for m in _RUNNING_STATE_METHODS):
            capabilities.discard("running-state")
        if "InvalidStateError" in self.fallbacks:
            capabilities.discard("invalid-state-error")
        if callable(getattr(module, "wait", None)) and callable(getattr(module, "as_completed", None)):
            capabilities.add("wait")
        if executor_class is None and find_executor:
            executor_class = next(
                (getattr(module, n) for n in _EXECUTOR_CLASSES if isinstance(getattr(module, n, None), type)), None)
        self.executor_class = executor_class
        self.executor_options = dict(executor_options or {})
        self.manager = None
        if self.executor_class is not None:
            capabilities.update({"executor", "workers"})
            if "cancel_futures" in _parameters(getattr(self.executor_class, "shutdown", None)):
                capabilities.add("cancel-futures")
            if "initializer" in _parameters(self.executor_class):
                capabilities.add("initializer")
            if "thread_name_prefix" in _parameters(self.executor_class) and not self.process_pool:
                capabilities.add("thread-name-prefix")
            if isinstance(getattr(module, "Executor", None), type):
                capabilities.add("executor-base")
            if self.process_pool:
                capabilities.update({"worker-crash", "pickling"})
                capabilities.update(c for p, c in (("max_tasks_per_child", "max-tasks-per-child"),
                                                   ("mp_context", "mp-context")) if p in _parameters(executor_class))
                self.executor_examples = 0.2
                self.executor_startup = 10.0  # spawning and importing, on a loaded machine
        self.capabilities = frozenset(capabilities)

    @property
    def process_pool(self):
        cls = self.executor_class
        return issubclass(cls, concurrent.futures.ProcessPoolExecutor) or "Process" in cls.__name__

    def new_future(self):
        return self.future_class()

    def new_executor(self, max_workers, initializer=None, initargs=(), **extra):
        options = {**self.executor_options, **extra}
        if initializer is not None:
            options.update(initializer=initializer, initargs=initargs)
        return self.executor_class(max_workers=max_workers, **options)

    def executor_base(self):
        return self.module.Executor

    def new_gate(self):
        if not self.process_pool:
            return gates.ThreadGate()
        if self.manager is None:  # one manager process serves every gate of the run
            self.manager = multiprocessing.get_context("spawn").Manager()
        return gates.ProcessGate(self.manager)

    def wait(self, fs, timeout=None, return_when="ALL_COMPLETED"):
        return self.module.wait(fs, timeout=timeout, return_when=getattr(self.module, return_when, return_when))

    def as_completed(self, fs, timeout=None):
        return self.module.as_completed(fs, timeout=timeout)

    def describe(self):
        description = dict(super().describe())
        notes = [f"module has no {role}; using concurrent.futures.{role}" for role in self.fallbacks
                 if role != "BrokenExecutor" or "executor" in self.capabilities]
        if self.executor_class is not None:
            notes.append(f"executor: {self.executor_class.__module__}.{self.executor_class.__qualname__}")
        if notes:
            description["notes"] = notes
        return description


def _parameters(cls):
    try:
        return inspect.signature(cls).parameters
    except (TypeError, ValueError):
        return {}


def load(spec):
    dotted_name, _, class_name = spec.partition(":")
    module = user_module(dotted_name)
    executor_class = None
    if class_name:
        executor_class = getattr(module, class_name, None)
        if not isinstance(executor_class, type):
            raise AdapterError(f"module {dotted_name!r} has no executor class {class_name!r}")
    return ModuleAdapter(module, f"cf-module:{spec}", executor_class)
