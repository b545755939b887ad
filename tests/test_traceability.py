"""Traceability: every clause ID the code cites exists, every checked clause is exercised, every untested one says
why, and every checked clause has a faulty implementation in tests/faulty/ that the suite rejects for it.

The references' runs that show every checked clause exercised (the `dev` profile, seed 0: the committed results'
settings) are made once (one xdist worker takes every test that needs them: `--dist loadgroup`), under coverage, and
also show that the references pass strictly, that they still give their committed verdicts, and that the suite
reaches every branch of reference/ — an unreached branch is a missing check or dead code. Their `ci` runs, without
coverage, are tests/test_stability.py's."""
import functools
import pathlib
import re

import coverage
import pytest

import reference
from conformance import checks, clauses, loading, measuring, runner
from tests import committed

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = pathlib.Path(reference.__file__).resolve().parent  # the copy the runs use: tox's installed one, in tox
INDEX = clauses.index()
CITATION = re.compile(r"\b(?:CORE|CF|EXEC|WAIT|ASCOMP|AIO|TASK|BRIDGE|COMB)-[A-Z]+-\d+\b")
REFERENCES = {  # the reference adapters of each profile (the task profile has no reference: CPython's two Tasks)
    "cf": ["reference"], "asyncio": ["reference-asyncio"], "task": ["asyncio-task", "asyncio-task-py"],
    "bridge": ["reference-bridge"], "combinators": ["reference-combinators"]}
CHECKED = sorted(cid for cid, c in INDEX.items() if c.checked)


def _cited(folders):
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for match in CITATION.finditer(path.read_text(encoding="utf-8")):
                yield path.relative_to(ROOT), match.group()


def test_every_cited_clause_exists():
    """The suite, the reference and the faulty implementations cite only real clauses. (The suite's own tests also
    make up IDs on purpose, to check that bad ones are rejected.)"""
    unknown = {(str(path), cid)
               for path, cid in _cited(["conformance", "reference", "tests/faulty"])
               if cid not in INDEX}
    assert not unknown


def test_every_checked_clause_is_cited_by_the_suite():
    cited = {cid for _, cid in _cited(["conformance"])}
    assert not set(CHECKED) - cited


def test_every_checked_clause_names_the_checks_that_judge_it():
    """`checked_by` (printed by --list-clauses and --json) names, for each checked clause, the functions of a
    chapter's package (or the engine) that cite it, and every one of them exists."""
    import importlib

    checked_by = checks.checked_by()
    assert not set(CHECKED) - set(checked_by), "checked clauses that no check of a chapter or the engine names"
    for cid, places in checked_by.items():
        assert cid in INDEX, f"{places} cite {cid}, which the spec does not define"
        for place in places:
            module, _, qualified = place.partition(":")
            target = importlib.import_module(module)
            for part in qualified.split("."):
                target = getattr(target, part)


def test_untested_clauses_give_a_reason():
    for clause in INDEX.values():
        if clause.level in ("MUST", "SHOULD") and not clause.checked:
            assert len(clause.untested) > 20, f"{clause.id} is untested without a real reason"


REFERENCE_RUNS = pytest.mark.xdist_group("reference-runs")


@pytest.fixture(scope="module")
def measured_reference_runs():
    return _measure_reference_runs()


@functools.lru_cache(maxsize=None)
def _measure_reference_runs():
    """{(profile, spec): report} of every reference's `dev` run with seed 0 (strict for ours: CPython's Tasks may
    miss a SHOULD), and the coverage of reference/ they reached. A `dev` run reaches every branch, at a third of the
    cost of a `ci` one under coverage, which made this fixture the run's longest item by far (four minutes). Cached
    for the process, not only the module's fixture: an xdist worker that does not know its next test yet tears module
    fixtures down after each test, and the runs (minutes under coverage) were made twice."""
    measurement = coverage.Coverage(data_file=None, branch=True, include=[str(REFERENCE / "*")], config_file=False)
    measurement.start()
    try:
        for path in REFERENCE.glob("*.py"):  # what ran when they were imported, before measuring began
            exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"),
                 {"__name__": f"reference.{path.stem}", "__package__": "reference"})
        reports = {(profile, spec): runner.run(loading.load(spec), settings_profile="dev", seed=0,
                                               strict=spec.startswith("reference"))
                   for profile, specs in REFERENCES.items() for spec in specs}
    finally:
        measurement.stop()
    return reports, measurement


@pytest.fixture(scope="module")
def reference_reports(measured_reference_runs):
    return measured_reference_runs[0]


@REFERENCE_RUNS
@pytest.mark.parametrize("spec", sorted(spec for specs in REFERENCES.values() for spec in specs))
def test_the_references_pass_and_give_their_committed_verdicts(reference_reports, spec):
    report = next(report for (_, name), report in reference_reports.items() if name == spec)
    wrong = {cid: (v.verdict, v.counterexample and v.counterexample.message)
             for cid, v in report.verdicts.items() if v.verdict == "fail"}
    assert not wrong and report.exit_status == 0
    committed.assert_unchanged(report)


@REFERENCE_RUNS
@pytest.mark.parametrize("path", sorted(REFERENCE.glob("*.py")), ids=lambda path: path.name)
def test_the_suite_reaches_every_branch_of_the_references(measured_reference_runs, path):
    missing, unreached = measuring.gaps(measured_reference_runs[1], str(path))
    assert not missing and not unreached, f"unreached lines {missing}, branches {unreached}"


@REFERENCE_RUNS
@pytest.mark.parametrize("clause_id", CHECKED)
def test_every_checked_clause_is_exercised_on_a_reference(reference_reports, clause_id):
    """A core clause must be exercised under every profile; a profile's clause under that profile."""
    profile = INDEX[clause_id].profile
    for (name, spec), report in reference_reports.items():
        if profile not in ("core", name):
            continue
        verdict = report.verdicts[clause_id]
        if verdict.verdict == "not-applicable":
            continue  # e.g. a clause bound to other Python versions
        assert verdict.verdict == "pass" and verdict.checks > 0, f"{spec}: {verdict.reason}"


def test_every_checked_clause_has_a_faulty_implementation():
    from tests.test_faulty import ALL, MODULES, violates

    covered = set().union(*(violates(name) for name in MODULES))
    # a clause of other Pythons only (COMB-WAIT-10: 3.9/3.10) is rejected there, by a module that NEEDS them here
    elsewhere = {cid for name in ALL for cid in violates(name) if not INDEX[cid].holds_on()}
    missing = set(CHECKED) - covered - elsewhere
    assert not missing, f"checked clauses no faulty implementation is rejected for: {sorted(missing)}"
