"""Turn the --adapter SPEC a user typed into a validated adapter, or one clear AdapterError.

SPEC is, in order of precedence: `cf-module:DOTTED.NAME`, `aio-class:DOTTED.NAME`, `task-class:DOTTED.NAME`,
`bridge-module:DOTTED.NAME` or `combinators-module:DOTTED.NAME`; a built-in name; a name another package registered in
the `futurespec.adapters` entry-point group; or `module:attribute` naming an Adapter subclass, an instance, or a
zero-argument factory returning one.
"""
import difflib
import importlib
from importlib import metadata

from . import clauses
from .adapter import Adapter, AdapterError, validate
from .adapters import aio_class, asyncio_std, asyncio_task, cf_module, reference, stdlib, task_class, uvloop_adapter
from .adapters import asyncio_bridge, bridge_module, event_loops, futurist_adapter, gevent_adapter, loky_adapter
from .adapters import asyncio_combinators, combinators_module, dask_adapter, mpi4py_adapter, pebble_adapter
from .adapters import backports, executorlib_adapter, interpreters_adapter

ENTRY_POINT_GROUP = "futurespec.adapters"
BUILTINS = {
    "reference": reference.ReferenceAdapter,
    "reference-asyncio": reference.ReferenceAsyncioAdapter,
    "reference-bridge": reference.ReferenceBridgeAdapter,
    "reference-combinators": reference.ReferenceCombinatorAdapter,
    "stdlib": stdlib.load,
    "stdlib-thread": stdlib.load_thread,
    "stdlib-process": stdlib.load_process,
    "stdlib-process-fork": stdlib.load_process_fork,
    "asyncio": asyncio_std.AsyncioAdapter_C,
    "asyncio-py": asyncio_std.AsyncioAdapter_Py,
    "uvloop": uvloop_adapter.UvloopAdapter,
    "asyncio-task": asyncio_task.AsyncioTaskAdapter_C,
    "asyncio-task-py": asyncio_task.AsyncioTaskAdapter_Py,
    "uvloop-task": asyncio_task.UvloopTaskAdapter,
    "asyncio-bridge": asyncio_bridge.AsyncioBridgeAdapter,
    "uvloop-bridge": asyncio_bridge.UvloopBridgeAdapter,
    "asyncio-combinators": asyncio_combinators.AsyncioCombinatorsAdapter_C,
    "asyncio-combinators-py": asyncio_combinators.AsyncioCombinatorsAdapter_Py,
    "uvloop-combinators": asyncio_combinators.UvloopCombinatorsAdapter,
    "taskgroup": backports.TaskgroupAdapter,
    "async-timeout": backports.AsyncTimeoutAdapter,
    "rloop": event_loops.RloopAdapter,
    "rloop-task": event_loops.RloopTaskAdapter,
    "rloop-bridge": event_loops.RloopBridgeAdapter,
    "trio-asyncio": event_loops.TrioAsyncioAdapter,
    "trio-asyncio-task": event_loops.TrioAsyncioTaskAdapter,
    "trio-asyncio-bridge": event_loops.TrioAsyncioBridgeAdapter,
    "loky": loky_adapter.LokyReusableAdapter,
    "loky-process": loky_adapter.LokyProcessAdapter,
    "futurist-thread": futurist_adapter.load_thread,
    "futurist-process": futurist_adapter.load_process,
    "futurist-sync": futurist_adapter.load_sync,
    "executorlib": executorlib_adapter.load,
    "interpreter-pool": interpreters_adapter.load,
    "pebble-thread": pebble_adapter.PebbleThreadAdapter,
    "pebble-process": pebble_adapter.PebbleProcessAdapter,
    "gevent-thread": gevent_adapter.GeventThreadAdapter,
    "dask": dask_adapter.DaskAdapter,
    "dask-executor": dask_adapter.DaskExecutorAdapter,
    "dask-processes": dask_adapter.DaskProcessesAdapter,
    "mpi4py": mpi4py_adapter.MPI4PyAdapter,
}
SCHEMES = {"cf-module": cf_module.load, "aio-class": aio_class.load, "task-class": task_class.load,
           "bridge-module": bridge_module.load, "combinators-module": combinators_module.load}


def _entry_points():
    found = metadata.entry_points()
    if hasattr(found, "select"):
        return {ep.name: ep for ep in found.select(group=ENTRY_POINT_GROUP)}
    return {ep.name: ep for ep in found.get(ENTRY_POINT_GROUP, ())}  # Python 3.9


def available():
    """Every adapter name a user can pass, with where it comes from."""
    names = {name: "built-in" for name in BUILTINS}
    names.update({name: f"entry point {ep.value}" for name, ep in _entry_points().items()})
    names.update({f"{scheme}:DOTTED.NAME": "built-in scheme" for scheme in SCHEMES})
    return names


def _instantiate(obj, spec):
    if isinstance(obj, type) and issubclass(obj, Adapter):
        return obj()
    if isinstance(obj, type):  # a Future class, say: made, it would only be "not an adapter"
        module, _, name = spec.rpartition(":")
        raise AdapterError(f"{spec!r} names the class {name}, not an adapter: check a module that mirrors "
                           f"concurrent.futures with --adapter cf-module:{module}, an asyncio Future class with "
                           f"aio-class:{module}.{name}, or write a conformance.Adapter (spec/adapters.md)")
    if callable(obj) and not hasattr(obj, "new_future"):
        try:
            return obj()
        except Exception as exc:
            raise AdapterError(f"adapter factory {spec!r} raised {type(exc).__name__}: {exc}") from None
    return obj


def _from_module_attribute(spec):
    module_name, _, attribute = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        close = difflib.get_close_matches(module_name, SCHEMES, n=1)
        hint = f" (did you mean {close[0]}:{attribute}?)" if close else ""
        raise AdapterError(f"cannot import adapter module {module_name!r}: {type(exc).__name__}: {exc}{hint}") \
            from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise AdapterError(f"module {module_name!r} has no attribute {attribute!r}") from None


def load(spec):
    """Resolve SPEC to a validated adapter instance."""
    scheme, _, rest = spec.partition(":")
    if scheme in SCHEMES and rest:
        adapter = SCHEMES[scheme](rest)
    elif spec in BUILTINS:
        adapter = _instantiate(BUILTINS[spec], spec)
    elif spec in _entry_points():
        try:
            obj = _entry_points()[spec].load()
        except Exception as exc:
            raise AdapterError(f"cannot load entry point {spec!r}: {type(exc).__name__}: {exc}") from None
        adapter = _instantiate(obj, spec)
    elif rest and scheme:
        adapter = _instantiate(_from_module_attribute(spec), spec)
    else:
        known = ", ".join(sorted(available()))
        raise AdapterError(f"unknown adapter {spec!r}; use one of {known}, or module:attribute")
    validate(adapter, clauses.index())
    try:
        adapter.loaded_as = spec  # what a child process loads to check the same implementation (EXEC-EXIT-1/2)
    except AttributeError:
        pass
    return adapter
