"""The suite must reject every faulty implementation in tests/faulty*/, for the bug that module injects.

Each module there is one small bug in an otherwise correct Future, and names in VIOLATES the clauses that bug breaks.
A run of the suite against it must report at least one of them as "fail", must fail the run (or, when the bug only
breaks SHOULD clauses, fail it under strict=True), and must back every "fail" with a counterexample message.

tests/faulty/ holds modules of the concurrent.futures profile, checked as `cf-module:tests.faulty.NAME`;
tests/faulty_exec/ holds executors, wait() and as_completed() (reference/executor.py with one bug), checked the
same way;
tests/faulty_aio/ holds subclasses of the asyncio reference (reference/aio_future.py), each module's `Future` checked
as `aio-class:tests.faulty_aio.NAME.Future`; tests/faulty_task/ holds subclasses of `asyncio.tasks._PyTask`, each
module's `Task` checked as `task-class:tests.faulty_task.NAME.Task`; tests/faulty_bridge/ holds bridges
(reference/bridge.py with one step broken), checked as `bridge-module:tests.faulty_bridge.NAME`. A module is named
here by folder and module: "faulty.NAME", "faulty_exec.NAME", "faulty_aio.NAME", "faulty_task.NAME" or
"faulty_bridge.NAME".

A module may also set KNOWN_SUITE_GAP to a reason: the suite is known not to catch that bug yet. It is left out of
MODULES (so it covers no clause for test_traceability) and its test is a strict expected failure, which turns red
once the suite catches the bug and the marker should go.
"""
import asyncio.tasks
import dataclasses
import importlib
import pkgutil

import pytest

import reference.aio_future
from conformance import clauses, config, loading, runner
from tests import faulty, faulty_aio, faulty_bridge, faulty_exec, faulty_task

FOLDERS = {  # folder -> (package, the profile of its modules, how a module becomes an adapter spec)
    "faulty": (faulty, "cf", "cf-module:tests.faulty.{}"),
    "faulty_aio": (faulty_aio, "asyncio", "aio-class:tests.faulty_aio.{}.Future"),
    "faulty_exec": (faulty_exec, "cf", "cf-module:tests.faulty_exec.{}"),
    "faulty_task": (faulty_task, "task", "task-class:tests.faulty_task.{}.Task"),
    "faulty_bridge": (faulty_bridge, "bridge", "bridge-module:tests.faulty_bridge.{}"),
}
# Machines a folder's modules need not go through: a faulty executor's Future is the reference's.
SKIP = {"faulty_exec": ("FutureMachine",)}
# per folder, not counting known suite gaps
MIN_MODULES = {"faulty": 24, "faulty_exec": 15, "faulty_aio": 12, "faulty_task": 12, "faulty_bridge": 12}


def _split(name):
    """("faulty_aio", "cb_sync_on_complete") for "faulty_aio.cb_sync_on_complete"; a bare name is in tests/faulty."""
    folder, _, module = name.rpartition(".")
    folder = folder or "faulty"
    if folder not in FOLDERS:
        raise ValueError(f"{name!r} names no faulty folder; use one of {', '.join(f'{f}.NAME' for f in FOLDERS)}")
    return folder, module


def _module(name):
    folder, module = _split(name)
    return importlib.import_module(f"{FOLDERS[folder][0].__name__}.{module}")


def _profile(name):
    return FOLDERS[_split(name)[0]][1]


def _spec(name):
    folder, module = _split(name)
    return FOLDERS[folder][2].format(module)


def _gap(name):
    return getattr(_module(name), "KNOWN_SUITE_GAP", None)


ALL = sorted(f"{folder}.{info.name}" for folder, (package, _, _) in FOLDERS.items()
             for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_"))
MODULES = [name for name in ALL if not _gap(name)]  # the faulty modules the suite rejects
KNOWN_GAPS = [name for name in ALL if _gap(name)]


def violates(name):
    """The clauses the bug of tests/FOLDER/NAME breaks (name "FOLDER.NAME"): at least one must fail."""
    return set(_module(name).VIOLATES)


# A faulty module hangs on purpose, again and again: a shorter hang limit keeps the zoo fast. A slow machine can only
# add verdicts here (the test asks for the injected clause among them), never hide one.
ZOO_LIMITS = dataclasses.replace(config.Limits.from_environment(), hang=1.0, hang_budget=4.0)


def _run(name, strict=False):
    spec = _spec(name)
    return runner.run(loading.load(spec), profile="triage", spec=spec, strict=strict, limits=ZOO_LIMITS,
                      skip=SKIP.get(_split(name)[0], ()))


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_there_are_enough_faulty_modules(folder):
    rejected = [name for name in MODULES if _split(name)[0] == folder]
    assert len(rejected) >= MIN_MODULES[folder], (
        f"only {len(rejected)} faulty modules in tests/{folder} the suite must reject: {rejected}")


@pytest.mark.parametrize("name", ALL)
def test_faulty_module_is_well_formed(name):
    module = _module(name)
    assert (module.__doc__ or "").strip(), f"{name} has no docstring saying which bug it injects"
    if _profile(name) == "cf":
        for role in ("Future", "CancelledError", "TimeoutError", "InvalidStateError"):
            assert hasattr(module, role), f"{name} does not expose {role}"
    elif _profile(name) == "task":
        task = getattr(module, "Task", None)
        assert isinstance(task, type) and issubclass(task, asyncio.tasks._PyTask) \
            and task is not asyncio.tasks._PyTask, f"{name} does not define a Task subclassing asyncio.tasks._PyTask"
    elif _profile(name) == "bridge":
        for function in ("wrap_future", "run_coroutine_threadsafe", "run_in_executor"):
            assert callable(getattr(module, function, None)), f"{name} does not expose {function}"
    else:
        future = getattr(module, "Future", None)
        assert isinstance(future, type) and issubclass(future, reference.aio_future.Future) \
            and future is not reference.aio_future.Future, (
                f"{name} does not define a Future subclassing reference.aio_future.Future")
    declared = getattr(module, "VIOLATES", None)
    assert isinstance(declared, (set, frozenset)) and declared, f"{name} has no non-empty VIOLATES set"
    index = clauses.index()
    unknown = declared - set(index)
    assert not unknown, f"{name} names unknown clauses {sorted(unknown)}"
    foreign = {cid for cid in declared if index[cid].profile not in ("core", _profile(name))}
    assert not foreign, f"{name} is checked under the {_profile(name)} profile, yet names {sorted(foreign)}"


@pytest.mark.parametrize("name", MODULES + [
    pytest.param(name, marks=pytest.mark.xfail(reason=f"known suite gap: {_gap(name)}", strict=True))
    for name in KNOWN_GAPS])
def test_suite_rejects_faulty_module(name):
    expected = violates(name)
    if not any(clauses.index()[cid].holds_on() for cid in expected):
        pytest.skip(f"{name} breaks clauses of other Python versions only")
    report = _run(name)
    failing = sorted(cid for cid, verdict in report.verdicts.items() if verdict.verdict == "fail")

    assert set(failing) & expected, f"{name} breaks {sorted(expected)}, but the report fails {failing or 'nothing'}"
    for cid in failing:
        counterexample = report.verdicts[cid].counterexample
        assert counterexample is not None and counterexample.message.strip(), (
            f"{name}: {cid} fails without a counterexample message")

    index = clauses.index()
    if all(index[cid].level == "SHOULD" for cid in failing):
        assert report.exit_status == 0, (
            f"{name}: the report fails only SHOULD clauses {failing}, yet a run without strict exited "
            f"{report.exit_status}")
    if all(index[cid].level == "SHOULD" for cid in expected):
        strict = _run(name, strict=True)
        assert strict.exit_status == 1, (
            f"{name} breaks only SHOULD clauses {sorted(expected)}; a strict run must fail, "
            f"but it exited {strict.exit_status}")
    else:
        assert report.exit_status == 1, f"{name}: the report fails {failing}, yet exit_status is 0"


def test_a_deadlocking_implementation_gets_its_verdict_in_seconds():
    """result(timeout=0) blocks forever here: the watchdog must turn that into a verdict, not a hung run. The bound
    is generous on purpose (a loaded CI machine); without the watchdog the run would never end."""
    import time

    started = time.monotonic()
    report = _run("faulty.timeout_zero_blocks")
    assert report.verdicts["CF-TIMEOUT-1"].verdict == "fail"
    assert "did not return within" in report.verdicts["CF-TIMEOUT-1"].counterexample.message
    assert time.monotonic() - started < 60
