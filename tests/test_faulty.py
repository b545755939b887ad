"""The suite must reject every faulty Future in tests/faulty/, for the bug that module injects.

Each module there is one small bug in an otherwise correct Future, and names in VIOLATES the clauses that bug breaks.
A run of the suite against it must report at least one of them as "fail", must fail the run (or, when the bug only
breaks SHOULD clauses, fail it under strict=True), and must back every "fail" with a counterexample message.

A module may also set KNOWN_SUITE_GAP to a reason: the suite is known not to catch that bug yet. It is left out of
MODULES (so it covers no clause for test_traceability) and its test is a strict expected failure, which turns red
once the suite catches the bug and the marker should go.
"""
import importlib
import pkgutil

import pytest

from conformance import clauses, loading, runner
from tests import faulty

MIN_MODULES = 24


def _module(name):
    return importlib.import_module(f"{faulty.__name__}.{name}")


def _gap(name):
    return getattr(_module(name), "KNOWN_SUITE_GAP", None)


ALL = sorted(info.name for info in pkgutil.iter_modules(faulty.__path__) if not info.name.startswith("_"))
MODULES = [name for name in ALL if not _gap(name)]  # the faulty modules the suite rejects
KNOWN_GAPS = [name for name in ALL if _gap(name)]


def violates(name):
    """The clauses the bug of tests/faulty/NAME breaks: at least one must fail."""
    return set(_module(name).VIOLATES)


def _run(name, strict=False):
    spec = f"cf-module:{faulty.__name__}.{name}"
    return runner.run(loading.load(spec), profile="ci", spec=spec, strict=strict)


def test_there_are_enough_faulty_modules():
    assert len(MODULES) >= MIN_MODULES, f"only {len(MODULES)} faulty modules the suite must reject: {MODULES}"


@pytest.mark.parametrize("name", ALL)
def test_faulty_module_is_well_formed(name):
    module = _module(name)
    assert (module.__doc__ or "").strip(), f"{name} has no docstring saying which bug it injects"
    for role in ("Future", "CancelledError", "TimeoutError", "InvalidStateError"):
        assert hasattr(module, role), f"{name} does not expose {role}"
    declared = getattr(module, "VIOLATES", None)
    assert isinstance(declared, (set, frozenset)) and declared, f"{name} has no non-empty VIOLATES set"
    unknown = declared - set(clauses.index())
    assert not unknown, f"{name} names unknown clauses {sorted(unknown)}"


@pytest.mark.parametrize("name", MODULES + [
    pytest.param(name, marks=pytest.mark.xfail(reason=f"known suite gap: {_gap(name)}", strict=True))
    for name in KNOWN_GAPS])
def test_suite_rejects_faulty_module(name):
    expected = violates(name)
    report = _run(name)
    failing = sorted(cid for cid, verdict in report.verdicts.items() if verdict.verdict == "fail")

    assert set(failing) & expected, f"{name} breaks {sorted(expected)}, but the report fails {failing or 'nothing'}"
    for cid in failing:
        counterexample = report.verdicts[cid].counterexample
        assert counterexample is not None and counterexample.message.strip(), (
            f"{name}: {cid} fails without a counterexample message")

    index = clauses.index()
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
    report = _run("timeout_zero_blocks")
    assert report.verdicts["CF-TIMEOUT-1"].verdict == "fail"
    assert "did not return within" in report.verdicts["CF-TIMEOUT-1"].counterexample.message
    assert time.monotonic() - started < 60
