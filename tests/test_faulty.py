"""The suite must reject every faulty Future in tests/faulty/, for the bug that module injects.

Each module there is one small bug in an otherwise correct Future, and names in VIOLATES the clauses that bug breaks.
A run of the suite against it must report at least one of them as "fail", must fail the run (or, when the bug only
breaks SHOULD clauses, fail it under strict=True), and must back every "fail" with a counterexample.

A module may also set KNOWN_SUITE_GAP to a reason: the suite is known not to catch that bug yet. Its test is then an
expected failure (strict, so it turns red once the suite catches the bug and the marker should go).
"""
import importlib
import pkgutil

import pytest

from conformance import clauses, loading, runner
from tests import faulty

MIN_MODULES = 24
NAMES = sorted(info.name for info in pkgutil.iter_modules(faulty.__path__) if not info.name.startswith("_"))


def _module(name):
    return importlib.import_module(f"{faulty.__name__}.{name}")


def _run(name, strict=False):
    spec = f"cf-module:{faulty.__name__}.{name}"
    return runner.run(loading.load(spec), profile="ci", spec=spec, strict=strict)


def _params():
    for name in NAMES:
        gap = getattr(_module(name), "KNOWN_SUITE_GAP", None)
        marks = [pytest.mark.xfail(reason=f"known suite gap: {gap}", strict=True)] if gap else []
        yield pytest.param(name, marks=marks, id=name)


def test_there_are_enough_faulty_modules():
    rejected = [name for name in NAMES if not getattr(_module(name), "KNOWN_SUITE_GAP", None)]
    assert len(rejected) >= MIN_MODULES, f"only {len(rejected)} faulty modules the suite must reject: {rejected}"


@pytest.mark.parametrize("name", NAMES)
def test_faulty_module_is_well_formed(name):
    module = _module(name)
    assert (module.__doc__ or "").strip(), f"{name} has no docstring saying which bug it injects"
    for role in ("Future", "CancelledError", "TimeoutError", "InvalidStateError"):
        assert hasattr(module, role), f"{name} does not expose {role}"
    violates = getattr(module, "VIOLATES", None)
    assert isinstance(violates, (set, frozenset)) and violates, f"{name} has no non-empty VIOLATES set"
    unknown = violates - set(clauses.index())
    assert not unknown, f"{name} names unknown clauses {sorted(unknown)}"


@pytest.mark.parametrize("name", _params())
def test_suite_rejects_faulty_module(name):
    violates = _module(name).VIOLATES
    report = _run(name)
    failing = sorted(cid for cid, verdict in report.verdicts.items() if verdict.verdict == "fail")

    assert set(failing) & violates, (
        f"{name} breaks {sorted(violates)}, but the report fails only {failing or 'nothing'}")
    for cid in failing:
        counterexample = report.verdicts[cid].counterexample
        assert counterexample is not None and counterexample.message.strip(), (
            f"{name}: {cid} fails without a counterexample message")

    index = clauses.index()
    if all(index[cid].level == "SHOULD" for cid in violates):
        strict = _run(name, strict=True)
        assert strict.exit_status == 1, (
            f"{name} breaks only SHOULD clauses {sorted(violates)}; a strict run must still fail, "
            f"but it exited {strict.exit_status}")
    else:
        assert report.exit_status == 1, f"{name}: the report fails {failing}, yet exit_status is 0"
