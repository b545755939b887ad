"""Scheduling of the project's own tests, and a guard on what each test leaves behind in its worker.

The references' runs under coverage are one xdist group (tests/test_traceability.py), so one worker makes them all;
they come first, and the other worker runs the rest meanwhile instead of idling while they finish last (they are the
longest unit of the session), then the modules that run whole adapters, the slowest tests after the group. xdist sends a
group to one worker by the "@group" suffix it gives the node IDs of its tests; on pytest 9.2, whose node IDs are
structured, xdist's assignment no longer takes (pytest-xdist#1386), the group's tests went to both workers and each
made every reference run: the suffix is given here when xdist's did not take.

Most tests run the suite in-process, hundreds of them in one long-lived xdist worker. A test that leaves the process
changed — an event loop policy installed or asyncio's loop functions replaced by a backend's import (trio_asyncio), a
module still holding the controlled scheduler's cooperative primitives, a tracer left on — makes some later, unrelated
test fail once in a while, far from the cause.
So every test is checked on the way out and fails itself, naming what it left changed. And worker processes an
implementation under test started and never ended (a faulty pool's, one still running a call) go with the session,
rather than outlive it as orphans, some of them ignoring SIGTERM.
"""
import asyncio
import multiprocessing
import sys
import threading
import types
import warnings

import pytest

from conformance.scheduling import primitives

# Test modules each of whose tests runs whole adapters (tens of seconds each on a loaded 2-core machine): scheduled
# before the rest, so that the session does not end with one worker finishing such a run while the other idles.
WHOLE_RUNS = ("test_stability.py", "test_results.py", "test_measuring.py")
_PATCH_TYPES = (primitives._Namespace, primitives._Shared)
_FACTORY_CODE = primitives._factory("Lock").__code__
_LOOP_FUNCTIONS = ("new_event_loop", "get_event_loop", "get_event_loop_policy", "set_event_loop_policy",
                   "_get_running_loop", "get_running_loop")


@pytest.hookimpl(trylast=True)  # after xdist's own, which adds the suffix on pytest before 9.2
def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: (item.get_closest_marker("xdist_group") is None,  # stable: grouped tests first,
                                 item.path.name not in WHOLE_RUNS))  # then the whole runs, the rest last
    if config.getoption("loadgroup", False):
        _grouped(items)


def pytest_sessionfinish(session):
    for process in multiprocessing.active_children():  # this process's: none in xdist's controller
        process.kill()


def _grouped(items):
    for item in items:
        suffix = "@" + "_".join(sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                                        for mark in item.iter_markers("xdist_group")}))
        if suffix == "@" or item.nodeid.endswith(suffix):
            continue
        if hasattr(item, "_id"):  # pytest 9.2's structured node ID
            item._id = type(item._id).parse(item.nodeid + suffix)
        if not item.nodeid.endswith(suffix):
            warnings.warn(f"{item.nodeid} could not be put in its xdist group {suffix[1:]}: its group's tests may "
                          "run on several workers, each making the group's shared setup")
            return


def _patched_modules():
    """Modules outside the suite that still hold a cooperative primitive of the controlled scheduler."""
    return sorted(f"{name}.{attribute}" for name, module in list(sys.modules.items())
                  if module is not None and not name.startswith("conformance.")
                  for attribute, value in list(getattr(module, "__dict__", {}).items())
                  if type(value) in _PATCH_TYPES
                  or type(value) is types.FunctionType and value.__code__ is _FACTORY_CODE)


def _process_state():
    return {
        "asyncio event loop policy": type(asyncio.get_event_loop_policy()).__qualname__,
        "running event loop": asyncio._get_running_loop(),
        "asyncio classes": (asyncio.Future, asyncio.Task, asyncio.wrap_future, asyncio.run_coroutine_threadsafe),
        "asyncio loop functions": tuple(getattr(module, name) for module in (asyncio, asyncio.events)
                                        for name in _LOOP_FUNCTIONS),  # what trio_asyncio's import replaces
        "threading primitives": tuple(getattr(threading, name) for name in primitives._MODULES[threading]),
        "tracer": sys.gettrace(), "profiler": sys.getprofile(),
        "modules holding cooperative primitives": _patched_modules(),
    }


@pytest.fixture(autouse=True)
def _leaves_the_process_as_it_found_it():
    before = _process_state()
    yield
    after = _process_state()
    changed = {what: f"{before[what]!r} -> {after[what]!r}" for what in before if before[what] != after[what]}
    assert not changed, f"the test left its process changed: {changed}"
