"""A run split in lanes (profiles.Lane, isolation.py): its verdicts are those of one child running every machine,
what the Future machine finds still keeps the race machine from judging a broken Future, the lanes' reports merge
clause by clause, and whatever goes wrong in one lane ends them all."""
import signal
import threading
import time

import pytest

from conformance import clauses, config, isolation, runner
from conformance.supervision import ChildError, Outcome
from tests import committed
from tests.test_cli import cli

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="crash isolation needs POSIX signals")


@pytest.fixture
def lanes(monkeypatch):
    """Lanes allowed whatever the machine, and the lane of every child the run starts."""
    monkeypatch.setenv("FUTURESPEC_LANES", "2")
    started = []

    class Recorded(isolation.Child):
        def __init__(self, job, limits, on_lanes=None):
            super().__init__(job, limits, on_lanes)
            started.append(job["lane"])

    monkeypatch.setattr(isolation, "Child", Recorded)
    return started


def test_a_run_split_in_lanes_gives_the_committed_verdicts(lanes):
    report = isolation.run("reference", settings_profile=committed.SETTINGS[0], seed=committed.SETTINGS[1],
                           strict=True)
    assert sorted(lanes) == [0, 1], "the cf profile's race machine runs in a lane of its own"
    committed.assert_unchanged(report)
    assert report.exit_status == 0 and not report.stopped
    assert "races" in report.adapter, "what the race lane says of the adapter is in the report"


def test_the_race_lane_judges_no_schedule_of_a_future_the_future_machine_found_broken(lanes):
    """set_result() overwriting a done future's outcome (CF-SET-3, a foundation of the race machine's model) makes
    every race of two completions look non-atomic: without the Future machine echoed in the race lane, that lane
    blamed CF-ATOMIC-1 as well (seen when this test was written)."""
    spec = "cf-module:tests.faulty.future.set_result_overwrites"
    report = isolation.run(spec, settings_profile="triage")
    assert sorted(lanes) == [0, 1]
    assert {v.clause.id for v in report.failed} == {"CF-SET-3"}


def _verdict(cid, verdict, checks=0, message=None):
    counterexample = runner.Counterexample(message) if message else None
    return runner.Verdict(clauses.index()[cid], verdict, checks, counterexample=counterexample)


def _report(verdicts, stopped="", deviations=(), **adapter):
    index = clauses.index()
    every = {cid: runner.Verdict(index[cid], "not-applicable", reason="not here") for cid in index}
    every.update(verdicts)
    described = {"name": "x", "deviations": {cid: {"reason": "known", "issue": ""} for cid in deviations}, **adapter}
    return runner.Report(described, "3.x", "dev", 0, False, every, 1.0, stopped)


def test_lanes_merge_clause_by_clause():
    first = _report({"CF-SET-1": _verdict("CF-SET-1", "pass", 3), "CF-SET-2": _verdict("CF-SET-2", "pass", 2),
                     "CF-SET-3": _verdict("CF-SET-3", "pass", 1), "CF-CANCEL-1": _verdict("CF-CANCEL-1", "pass", 1),
                     "CF-CANCEL-2": _verdict("CF-CANCEL-2", "fail", 4, "first lane's")},
                    deviations=("CF-SET-3", "CF-CANCEL-1"))
    other = _report({"CF-SET-1": _verdict("CF-SET-1", "fail", 5, "race lane's"),
                     "CF-SET-2": _verdict("CF-SET-2", "untested"),
                     "CF-SET-3": _verdict("CF-SET-3", "deviation", 2, "reproduced"),
                     "CF-CANCEL-1": _verdict("CF-CANCEL-1", "fail", 1),  # not reproduced in this lane either
                     "CF-CANCEL-2": _verdict("CF-CANCEL-2", "fail", 1, "race lane's")},
                    deviations=("CF-SET-3", "CF-CANCEL-1"), races="controlled")
    merged = isolation.merged([first, other]).verdicts
    seen = {cid: (v.verdict, v.checks, v.counterexample and v.counterexample.message)
            for cid, v in merged.items() if cid in first.verdicts and v.verdict != "not-applicable"}
    assert seen == {"CF-SET-1": ("fail", 8, "race lane's"), "CF-SET-2": ("pass", 2, None),
                    "CF-SET-3": ("deviation", 3, "reproduced"), "CF-CANCEL-1": ("fail", 2, None),
                    "CF-CANCEL-2": ("fail", 5, "first lane's")}
    assert "could not reproduce" in merged["CF-CANCEL-1"].reason
    assert isolation.merged([first, other]).adapter["races"] == "controlled"
    stopped = isolation.merged([first, _report({}, stopped="the implementation crashed the process 5 times")])
    assert stopped.stopped and stopped.verdicts["CF-SET-2"].verdict == "untested"
    assert stopped.verdicts["CF-CANCEL-2"].verdict == "fail"


class _Fake:
    """A child that announces a second lane (lane 0: then runs until stopped) or fails as the suite's own bug."""

    stopped = []

    def __init__(self, job, limits, on_lanes=None):
        self.job, self.on_lanes, self.halted = job, on_lanes, threading.Event()

    def run(self):
        if self.job["lane"] == 1:
            raise ChildError("the suite's child process exited with status 3 before it started its run")
        if self.job["lane"] == 0:
            self.on_lanes(1)
        if not self.halted.wait(60):
            raise AssertionError("the first lane was not stopped")
        return Outcome()

    def stop(self):
        _Fake.stopped.append(self.job["lane"])
        self.halted.set()


def test_an_error_in_one_lane_ends_the_others(monkeypatch):
    monkeypatch.setenv("FUTURESPEC_LANES", "2")
    monkeypatch.setattr(isolation, "Child", _Fake)
    started = time.monotonic()
    with pytest.raises(ChildError, match="before it started"):
        isolation.run("reference", settings_profile="dev")
    assert 0 in _Fake.stopped and time.monotonic() - started < 30


def test_no_lanes_where_the_first_failure_or_one_child_is_asked_for(lanes, monkeypatch):
    """--exitfirst and a clause to stop at: which lane found its failure first would depend on timing; and
    FUTURESPEC_LANES=1 keeps one child at a time."""
    isolation.run("cf-module:tests.faulty.future.set_result_overwrites", settings_profile="triage", exitfirst=True)
    isolation.run("cf-module:tests.faulty.future.set_result_overwrites", settings_profile="triage",
                  stop_at={"CF-SET-3"})
    monkeypatch.setenv("FUTURESPEC_LANES", "1")
    assert not config.lanes_allowed()
    assert lanes == [None, None]


def test_a_bad_lanes_setting_is_a_usage_error():
    run = cli("--adapter", "stdlib", env={"FUTURESPEC_LANES": "two"})
    assert run.returncode == 2 and run.stderr.startswith("futurespec: error: FUTURESPEC_LANES=")
