"""The command-line contract scripts and CI rely on: exit statuses, one-line errors, the JSON report, --seed, and
counterexamples that replay."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

from conformance import loading, report, runner
from conformance.ledger import ClauseViolation

ROOT = pathlib.Path(__file__).resolve().parent.parent
FAULTY = "cf-module:tests.faulty.future.cancel_finished_true"


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "conformance", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_a_conforming_implementation_exits_0_with_a_report(tmp_path):
    out = tmp_path / "report.json"
    run = cli("--adapter", "stdlib", "--profile", "dev", "--seed", "7", "--json", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "RESULT: CONFORMING" in run.stdout
    data = json.loads(out.read_text())
    assert data["exit_status"] == 0 and data["seed"] == 7 and data["settings_profile"] == "dev"
    assert {v["verdict"] for v in data["clauses"].values()} <= {"pass", "deviation", "not-applicable", "untested"}
    assert data["clauses"]["CF-CANCEL-1"] == {**data["clauses"]["CF-CANCEL-1"], "verdict": "pass", "level": "MUST"}
    assert "conformance.executors.scenarios:Scenarios.broken_by_initializer" in \
        data["clauses"]["EXEC-BROKEN-1"]["checked_by"]


def test_list_clauses_names_the_checks_of_each_clause():
    run = cli("--list-clauses")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("CF-CANCEL-3 "))
    assert lines[at + 1].split() == ["checked", "by", "conformance.future.model:TRANSITIONS"]


def test_a_violation_exits_1_naming_the_clause_with_a_counterexample(tmp_path):
    out = tmp_path / "report.json"
    run = cli("--adapter", FAULTY, "--profile", "dev", "--seed", "1", "--json", str(out))
    assert run.returncode == 1, run.stdout + run.stderr
    assert "FAIL CF-CANCEL-3 [MUST]" in run.stdout and "RESULT: NOT CONFORMING" in run.stdout
    failure = json.loads(out.read_text())["clauses"]["CF-CANCEL-3"]
    assert failure["verdict"] == "fail"
    assert "cancel()" in failure["counterexample"]["message"]
    assert "replay_machine" in failure["counterexample"]["replay"]


def test_a_counterexample_the_tour_found_keeps_only_the_steps_it_needs():
    """Every tour walk of the Future machine begins with six steps that watch the future (callbacks, waiting threads);
    a counterexample keeps those the violation needs (here none: cancel() of a finished future returns True)."""
    report = runner.run(loading.load(FAULTY), settings_profile="dev", seed=1, exitfirst=True)
    steps = report.verdicts["CF-CANCEL-3"].counterexample.steps
    assert steps[0] == "state = FutureMachine()" and steps[-1] == "state.teardown()"
    assert len(steps) <= 5 and not any("wait_in_thread" in step or "callback" in step for step in steps), steps


@pytest.mark.parametrize("args, message", [
    (["--adapter", "cf-module:tests.fixtures.import_fails"], "cannot import module"),
    (["--adapter", "tests.fixtures.adapters:NoNewFuture"], "lacks new_future()"),
    (["--adapter", "tests.fixtures.adapters:UnknownProfile"], "unknown profile 'trio'"),
    (["--adapter", "stdlib", "--profile", "fast"], "unknown settings profile 'fast'"),
    (["--adapter", "stdlib", "--seed", "x"], "invalid int value"),
    ([], "--adapter is required"),
])
def test_bad_usage_exits_2_with_one_clear_line(args, message):
    run = cli(*args)
    assert run.returncode == 2
    assert run.stdout == "" and run.stderr.count("\n") == 1 and message in run.stderr
    assert run.stderr.startswith("futurespec: error: ")


def test_the_options_that_run_no_child_are_the_command_s_own():
    """spare.py decides from the raw command line whether to start a child before the suite is imported: every
    option it names must exist, and none may be abbreviated past it."""
    from conformance import cli as command, spare
    options = {o for action in command.parser()._actions for o in action.option_strings}
    assert spare._NO_CHILD - {"matrix"} <= options
    assert cli("--in-proc", "--adapter", "reference").returncode == 2


def test_the_supervising_parent_starts_without_hypothesis_or_the_machines():
    """The parent of an isolated run only supervises and renders (time to the first violation): importing what it
    needs, and setting up a run's settings profile and seed, imports neither Hypothesis nor a judging machine."""
    code = ("import sys; from conformance import cli, config, isolation, report, runner; "
            "config.settings_profile_name('ci'); runner.seed_for('ci'); list(config.SETTINGS_PROFILES); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis' or m == 'conformance.judging'))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "[]", run.stdout + run.stderr


def test_bad_time_limits_are_usage_errors():
    run = cli("--adapter", "stdlib", env={"FUTURESPEC_HANG_TIMEOUT": "soon"})
    assert run.returncode == 2 and "FUTURESPEC_HANG_TIMEOUT='soon' is not a number" in run.stderr


def test_listing_clauses_and_adapters():
    assert "CF-CANCEL-1" in cli("--list-clauses").stdout
    assert "cf-module:DOTTED.NAME" in cli("--list-adapters").stdout


def test_the_same_seed_gives_the_same_verdicts_and_counterexamples():
    """Check counts may differ (which racing thread wins is up to the scheduler); what is reported may not."""
    adapter = loading.load(FAULTY)

    def essentials(data):
        return {cid: (c["verdict"], c.get("counterexample")) for cid, c in data["clauses"].items()}

    first, second = (essentials(report.to_json(runner.run(adapter, settings_profile="dev", seed=11))) for _ in range(2))
    assert first == second


def test_the_replay_snippet_reproduces_the_violation():
    adapter = loading.load(FAULTY)
    failure = runner.run(adapter, settings_profile="dev", seed=3, spec=FAULTY).verdicts["CF-CANCEL-3"].counterexample
    with pytest.raises(ClauseViolation) as raised:
        exec(compile(failure.replay, "<replay>", "exec"), {})
    assert raised.value.clause == "CF-CANCEL-3"


def test_a_counterexample_the_search_found_carries_its_steps_and_replays():
    """Hypothesis hands the shrunk example's steps to a reporter (older versions) or attaches them to its error as
    notes, with a line per invariant check (newer ones): either way the counterexample has them, without the checks
    that only looked, and replays. This bug is found by the search, not the tour."""
    spec = "cf-module:tests.faulty.future.callback_dedup"
    failure = runner.run(loading.load(spec), settings_profile="triage", seed=0, spec=spec,
                         stop_at={"CORE-CB-1"}).verdicts["CORE-CB-1"].counterexample
    assert failure.steps[0] == "state = FutureMachine()" and failure.steps[-1] == "state.teardown()"
    assert "state.nothing_happens_before_completion()" not in failure.steps[:-2]
    with pytest.raises(ClauseViolation) as raised:
        exec(compile(failure.replay, "<replay>", "exec"), {})
    assert raised.value.clause == "CORE-CB-1"


def test_strict_counts_unmet_should_clauses():
    adapter = loading.load("cf-module:tests.faulty.future.srnc_value_error")
    lenient = runner.run(adapter, settings_profile="dev", seed=2)
    assert lenient.verdicts["CF-SRNC-4"].verdict == "fail" and lenient.exit_status == 0
    assert runner.run(adapter, settings_profile="dev", seed=2, strict=True).exit_status == 1


def _plugin_option():
    """Installed, the plugin registers itself through its entry point; from a bare checkout it must be named."""
    from importlib import metadata

    registered = any(ep.value == "conformance.pytest_plugin" for ep in metadata.entry_points().get("pytest11", ())) \
        if not hasattr(metadata.entry_points(), "select") else \
        any(ep.value == "conformance.pytest_plugin" for ep in metadata.entry_points().select(group="pytest11"))
    return [] if registered else ["-p", "conformance.pytest_plugin"]


def test_the_pytest_plugin_gives_one_item_per_clause(tmp_path):
    run = subprocess.run([sys.executable, "-m", "pytest", *_plugin_option(), "-q",
                          "-p", "no:cacheprovider", "--futurespec-adapter", FAULTY, "--futurespec-profile", "dev",
                          "--rootdir", str(tmp_path), str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert "FAILED" in run.stdout and "CF-CANCEL-3" in run.stdout and run.returncode == 1
