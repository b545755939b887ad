"""The suite must reject every faulty implementation in tests/faulty/, for the bug that module injects.

Each module there is one small bug in an otherwise correct implementation, and names in VIOLATES the clauses that
bug breaks. A run of the suite against it must report at least one of them as "fail", must fail the run (or, when
the bug only breaks SHOULD clauses, fail it under strict=True), and must back every "fail" with a counterexample
message.

tests/faulty/ has one folder per spec chapter (future, executors, aio, task, bridge, combinators); each folder's
__init__ says which profile its modules belong to and how a module becomes an adapter spec (tests/faulty/__init__.py).
A module is named here by folder and module: "future.NAME", "executors.NAME", "aio.NAME", "task.NAME", "bridge.NAME" or
"combinators.NAME".

A module whose bug ends the process (a segfault, os.abort(), os._exit(), C code holding the GIL), or leaves a process
behind that nothing but SIGKILL ends, sets ISOLATED = True: it is checked through the isolation entry point
(conformance/isolation.py), in supervised child processes, where the crash becomes a verdict and what is left behind
is killed with the child's process group; the rest run in this process, which is faster (an isolated run starts a
process for each crash and each replay that shrinks it).

A module may also set KNOWN_SUITE_GAP to a reason: the suite is known not to catch that bug yet. It is left out of
MODULES (so it covers no clause for test_traceability) and its test is a strict expected failure, which turns red
once the suite catches the bug and the marker should go.

A whole folder may set NEEDS to what the suite lacks to reject its modules (tests/faulty/races/ waits for the
controlled scheduler of issue 10): its modules are checked for form, but left out of MODULES, and the tests that
they are rejected, and that the folder holds MINIMUM of them, are skipped with that reason. A module may set a NEEDS
of its own, for itself alone.
"""
import asyncio.tasks
import dataclasses
import importlib
import pkgutil
import time

import pytest

import reference.aio_future
from conformance import clauses, config, isolation, loading, runner
from tests import faulty

FOLDERS = {info.name: importlib.import_module(f"{faulty.__name__}.{info.name}")
           for info in pkgutil.iter_modules(faulty.__path__) if info.ispkg}


def _split(name):
    """("aio", "cb_sync_on_complete") for "aio.cb_sync_on_complete"."""
    folder, _, module = name.rpartition(".")
    if folder not in FOLDERS:
        raise ValueError(f"{name!r} names no faulty folder; use one of {', '.join(f'{f}.NAME' for f in FOLDERS)}")
    return folder, module


def _module(name):
    folder, module = _split(name)
    return importlib.import_module(f"{FOLDERS[folder].__name__}.{module}")


def _profile(name):
    return FOLDERS[_split(name)[0]].PROFILE


def _spec(name):
    folder, module = _split(name)
    return FOLDERS[folder].ADAPTER.format(module=f"{FOLDERS[folder].__name__}.{module}")


def _gap(name):
    return getattr(_module(name), "KNOWN_SUITE_GAP", None)


def _needs(name):
    """What the suite lacks to reject NAME: the module's NEEDS, else its folder's, else None."""
    return getattr(_module(name), "NEEDS", None) or getattr(FOLDERS[_split(name)[0]], "NEEDS", None)


ALL = sorted(f"{folder}.{info.name}" for folder, package in FOLDERS.items()
             for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_"))
MODULES = [name for name in ALL if not _gap(name) and not _needs(name)]  # the faulty modules the suite rejects
KNOWN_GAPS = [name for name in ALL if _gap(name) and not _needs(name)]
PENDING = [name for name in ALL if _needs(name)]  # in a folder that waits for the suite to be able to reject them


def violates(name):
    """The clauses the bug of tests/FOLDER/NAME breaks (name "FOLDER.NAME"): at least one must fail."""
    return set(_module(name).VIOLATES)


# A faulty module hangs on purpose, again and again: a shorter hang limit keeps the zoo fast. A slow machine can only
# add verdicts here (the test asks for the injected clause among them), never hide one. Likewise a child stuck with
# the GIL held is given up on sooner.
ZOO_LIMITS = dataclasses.replace(config.Limits.from_environment(), hang=1.0, hang_budget=4.0, unresponsive=4.0)


def _run(name, strict=False):
    spec = _spec(name)
    options = dict(settings_profile="triage", strict=strict, limits=ZOO_LIMITS,
                   skip=FOLDERS[_split(name)[0]].SKIP_MACHINES)
    if getattr(_module(name), "ISOLATED", False):
        return isolation.run(spec, stop_at=violates(name), **options)
    return runner.run(loading.load(spec), spec=spec, stop_at=violates(name), **options)


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_there_are_enough_faulty_modules(folder):
    if getattr(FOLDERS[folder], "NEEDS", None):
        pytest.skip(f"tests/faulty/{folder} needs {FOLDERS[folder].NEEDS}")
    rejected = [name for name in MODULES if _split(name)[0] == folder]
    assert len(rejected) >= FOLDERS[folder].MINIMUM, (
        f"only {len(rejected)} faulty modules in tests/faulty/{folder} the suite must reject: {rejected}")


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
    elif _profile(name) == "combinators":
        assert any(callable(getattr(module, f, None)) for f in ("gather", "shield", "wait_for")), (
            f"{name} exposes none of gather, shield, wait_for")
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
    for name in KNOWN_GAPS] + [
    pytest.param(name, marks=pytest.mark.skip(reason=f"the suite needs {_needs(name)} to reject it"))
    for name in PENDING])
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
        # strict changes what fails the run, not what the run does (without exitfirst): the same run, judged strictly
        # (a strict run end to end: tests/test_cli.py)
        strict = dataclasses.replace(report, strict=True)
        assert strict.exit_status == 1, (
            f"{name} breaks only SHOULD clauses {sorted(expected)}; a strict run must fail, "
            f"but it exited {strict.exit_status}")
    else:
        assert report.exit_status == 1, f"{name}: the report fails {failing}, yet exit_status is 0"


def test_a_deadlocking_implementation_gets_its_verdict_in_seconds():
    """result(timeout=0) blocks forever here: the watchdog must turn that into a verdict, not a hung run. The bound
    is generous on purpose (a loaded CI machine); without the watchdog the run would never end."""
    started = time.monotonic()
    report = _run("future.timeout_zero_blocks")
    assert report.verdicts["CF-TIMEOUT-1"].verdict == "fail"
    assert "did not return within" in report.verdicts["CF-TIMEOUT-1"].counterexample.message
    assert time.monotonic() - started < 60
