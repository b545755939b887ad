"""No false alarms: the references and the standard library pass under many seeds and every settings profile.

A suite that is red on a correct implementation is worse than no suite, so every new check must survive this.
`tox -e tests` runs each correct adapter with the committed results' settings (dev, seed 0); the other seeds and the
`ci` profile are marked `stability` and run by `tox -e stability` (CI runs both, the latter beside the backends' envs,
so the project's own tests stay quick). Before trusting a new check, run many seeds:
`FUTURESPEC_STABILITY_SEEDS=50 tox -e stability`.

A run with the committed results' settings (dev, seed 0) also checks that its adapter still gives its committed
verdicts here (tests/committed.py). The lone `stdlib` adapter is not run here: `stdlib-thread` judges the same Future,
wait() and as_completed() and the thread pool besides (tests/test_results.py re-runs `stdlib` for its committed
result).
"""
import os

import pytest

from conformance import loading, runner
from tests import committed
from tests.test_traceability import REFERENCES

SEEDS = range(int(os.environ.get("FUTURESPEC_STABILITY_SEEDS", "3")))
PROCESS_SEEDS = SEEDS[:1]  # a process pool starts slowly: fewer seeds (and every CI run checks it on five Pythons)


CORRECT = ["reference", "stdlib-thread", "reference-asyncio", "asyncio", "asyncio-py", "uvloop", "asyncio-task",
           "asyncio-task-py", "uvloop-task", "reference-bridge", "asyncio-bridge", "uvloop-bridge",
           "reference-combinators", "asyncio-combinators", "asyncio-combinators-py", "uvloop-combinators"]
PROCESS_POOLS = ["stdlib-process", "stdlib-process-fork"]
# the Futures whose races the controlled scheduler explores (tests/test_scheduling.py): their runs here are also the
# proof that it never flags a correct Future
CONTROLLED_RACES = {"reference", "stdlib-thread"}
# the references' dev runs with seed 0 are tests/test_traceability.py's, made under coverage:
MEASURED = {(spec, committed.SETTINGS[1]) for specs in REFERENCES.values() for spec in specs}
# their ci runs are made here; uvloop-combinators' by `tox -e uvloop` (25 s here, five times its dev run; its deadline
# clauses do not apply there)
CI_ELSEWHERE = {"uvloop-combinators"}
STABILITY = pytest.mark.stability  # tox -e stability's; the rest run in tox -e tests


@pytest.fixture(autouse=True)
def _needs_uvloop(request):
    if "uvloop" in request.node.name:
        pytest.importorskip("uvloop")


def _passes(report):
    wrong = {cid: (v.verdict, v.counterexample and v.counterexample.message)
             for cid, v in report.verdicts.items() if v.verdict == "fail"}
    assert not wrong and report.exit_status == 0


def _seeded(spec, seed):
    """(spec, seed), marked `stability` unless it is a run with the committed settings."""
    return pytest.param(spec, seed, marks=() if ("dev", seed) == committed.SETTINGS else STABILITY)


@pytest.mark.parametrize("spec, seed", [_seeded(spec, seed) for spec in CORRECT for seed in SEEDS
                                        if (spec, seed) not in MEASURED] +
                         [_seeded(spec, seed) for spec in PROCESS_POOLS for seed in PROCESS_SEEDS])
def test_correct_implementations_pass_under_every_seed(spec, seed):
    """The references follow the spec exactly, its SHOULD clauses too: they pass strictly."""
    report = runner.run(loading.load(spec), settings_profile="dev", seed=seed, strict=spec.startswith("reference"))
    _passes(report)
    if ("dev", seed) == committed.SETTINGS:
        committed.assert_unchanged(report)
    if spec in CONTROLLED_RACES:
        assert report.adapter["races"].startswith("controlled scheduler")
        assert report.verdicts["CF-ATOMIC-1"].verdict == "pass" and report.verdicts["CF-BLOCK-2"].verdict == "pass"


@STABILITY
@pytest.mark.parametrize("spec", [*(spec for spec in CORRECT if spec not in CI_ELSEWHERE),
                                  "cf-module:reference.executor", "aio-class:asyncio.Future",  # the zero-code
                                  "task-class:asyncio.Task"])                                   # schemes
def test_correct_implementations_pass_the_ci_profile(spec):
    _passes(runner.run(loading.load(spec), settings_profile="ci", strict=spec.startswith("reference")))
