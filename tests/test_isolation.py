"""Crash isolation (conformance/isolation.py): an implementation that kills the process gets a verdict, not a dead
suite. What a crash verdict holds, the exit status, the run going on after a crash, a crash that does not happen
again when replayed, the crash budget, --exitfirst, an adapter that crashes while it loads, and nothing the
implementation started outliving the run."""
import dataclasses
import json
import os
import select
import signal
import subprocess
import sys

import pytest

from conformance import config, isolation, loading, progress, runner
from conformance.adapter import AdapterError
from tests.test_cli import ROOT, cli

SEGFAULT = "cf-module:tests.faulty.future.cancel_segfaults"
LIMITS = dataclasses.replace(config.Limits.from_environment(), hang=1.0, hang_budget=4.0, unresponsive=4.0)
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="crash isolation needs POSIX signals")


def _run(spec, **options):
    return isolation.run(spec, settings_profile="triage", limits=LIMITS, **options)


def test_a_segfault_is_a_verdict_with_the_operation_steps_traceback_and_replay(tmp_path):
    out = tmp_path / "report.json"
    run = cli("--adapter", SEGFAULT, "--profile", "triage", "--json", str(out), env={"FUTURESPEC_CRASH_BUDGET": "1"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "FAIL CF-CANCEL-1 [MUST]" in run.stdout and "STOPPED EARLY" in run.stdout
    data = json.loads(out.read_text())
    counterexample = data["clauses"]["CF-CANCEL-1"]["counterexample"]
    assert "killed by signal SIGSEGV" in counterexample["message"]
    assert "during cancel()" in counterexample["message"] and "tour of FutureMachine" in counterexample["message"]
    assert "Segmentation fault" in counterexample["crash"] and "in cancel" in counterexample["crash"]
    assert counterexample["steps"] == ["state = FutureMachine()", "v1 = state.new_future()", "state.cancel(f=v1)",
                                       "state.teardown()"]  # shrunk from the tour's walk
    assert "replay_machine" in counterexample["replay"] and "state.cancel(f=v1)" in counterexample["replay"]
    assert data["exit_status"] == 1 and "crashed the process 1 times" in data["stopped"]
    unreached = data["clauses"]["CF-CANCEL-4"]
    assert unreached["verdict"] == "untested" and "crashed the process 1 times" in unreached["reason"]
    assert "pass" not in {c["verdict"] for c in data["clauses"].values()}, "a run cut short passes nothing"


def test_the_replay_of_a_crash_crashes(tmp_path):
    """The replay script of a crash verdict is a script a user runs: in its own process, it crashes the same way."""
    replay = _run(SEGFAULT, stop_at={"CF-CANCEL-1"}).verdicts["CF-CANCEL-1"].counterexample.replay
    script = tmp_path / "replay.py"
    script.write_text(replay)
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == -signal.SIGSEGV


def test_the_run_goes_on_after_a_crash_and_finds_a_later_violation():
    report = _run("cf-module:tests.fixtures.crash_then_violation")
    crash, later = report.verdicts["CF-SRNC-1"], report.verdicts["CF-CANCEL-3"]
    assert crash.verdict == "fail" and "SIGSEGV" in crash.counterexample.message
    assert later.verdict == "fail" and not later.counterexample.crash
    assert "returned True" in later.counterexample.message and "replay_machine" in later.counterexample.replay
    assert report.verdicts["CF-SET-1"].verdict == "pass" and not report.stopped
    assert report.exit_status == 1
    unreached = report.verdicts["CF-CANCEL-2"]  # needs set_running_or_notify_cancel(), which crashed the process
    assert unreached.verdict == "untested" and "no longer made the calls that crashed the process (those of " \
        "CF-SRNC-1)" in unreached.reason, unreached.reason


def test_a_crash_in_a_call_a_callback_makes_back_is_that_callbacks_clause():
    """The suite's `reenter` callback calls add_done_callback() back from inside cancel(); it aborts the process:
    CF-CB-6's crash (the callback's clause, spec/README.md "Crashes"), not cancel()'s."""
    report = _run("cf-module:tests.faulty.future.late_callback_aborts", stop_at={"CF-CB-6"})
    message = report.verdicts["CF-CB-6"].counterexample.message
    assert "SIGABRT" in message and "from inside a done-callback, called during cancel()" in message, message
    assert report.verdicts["CF-CANCEL-1"].verdict != "fail"


def test_a_crash_that_does_not_happen_again_when_replayed_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("FUTURESPEC_FIXTURE_MARKER", str(tmp_path / "crashed"))
    verdict = _run("cf-module:tests.fixtures.crashes_once", stop_at={"CF-CANCEL-1"}).verdicts["CF-CANCEL-1"]
    assert verdict.verdict == "fail" and "exited with status 7" in verdict.counterexample.message
    assert "did not happen again when its steps were replayed" in verdict.counterexample.note
    assert verdict.counterexample.steps[-2] == "state.cancel(f=v1)"


def test_the_stream_keeps_the_steps_a_violation_was_first_seen_in(tmp_path):
    """What the child streams says every step, the @initialize rule's too, and keeps the steps of the example that
    first violated each clause: a counterexample Hypothesis could not replay has nothing else (runner._search)."""
    log = tmp_path / "stream"
    fd = os.open(log, os.O_WRONLY | os.O_CREAT)
    stream = progress.Stream(fd, lost=lambda: None)
    try:
        runner.run(loading.load("tests.fixtures.late_running:load"), settings_profile="dev", seed=0, progress=stream,
                   skip=("FutureMachine", "RaceMachine", "WaitMachine"))
    finally:
        os.close(fd)
    steps = stream.steps_where("EXEC-RUN-1")
    assert steps[0] == "state = ExecutorMachine()" and steps[1].startswith("state.start(max_workers=")
    assert steps[-1] == "state.teardown()" and stream.steps_where("CF-CANCEL-1") == []
    messages = [json.loads(line) for line in log.read_text().splitlines()]
    search = next(i for i, m in enumerate(messages) if str(m.get("phase")).startswith("the search of"))
    first = next(m["step"] for m in messages[search:] if "step" in m)
    assert first.startswith("state.start(max_workers="), "Hypothesis's examples announce their opening step"


def test_a_stream_nobody_reads_says_so():
    read, write = os.pipe()
    os.close(read)
    lost = []
    progress.Stream(write, lost=lambda: lost.append(True)).phase("nobody listens")
    os.close(write)
    assert lost == [True]


def _children(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(child) for child in listing.read().split()]


def _cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def _blocked_in_its_job(pid):
    """The child has its job (a spare child's stdin is a pipe until then, /dev/null after) and uses no CPU: it waits.
    Takes half a second when the child has its job."""
    if not _alive(pid) or os.readlink(f"/proc/{pid}/fd/0") != os.devnull:
        return False
    before = _cpu_seconds(pid)
    select.select([], [], [], 0.5)
    return _alive(pid) and _cpu_seconds(pid) == before


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="finds the child through Linux's /proc")
def test_a_child_whose_parent_is_killed_ends_with_it():
    """A parent killed outright cannot end its child. Here the child waits out a hang (result(timeout=0) blocks, and
    the hang limit is ten minutes), so only its heartbeat writes: it must notice that nobody reads and end itself at
    its next beat, rather than run on unwatched (one once spun a core for 15 minutes)."""
    parent = subprocess.Popen([sys.executable, "-m", "conformance", "--adapter",
                               "cf-module:tests.faulty.future.timeout_zero_blocks", "--profile", "triage"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "FUTURESPEC_HANG_TIMEOUT": "600"})
    try:
        for _ in range(60):  # bounded: each look takes half a second or more
            blocked = [child for child in _children(parent.pid) if _blocked_in_its_job(child)]
            if blocked:
                break
            select.select([], [], [], 0.5)
        else:
            pytest.fail("no child of the isolated run was seen waiting in its job within 60 s")
    finally:
        parent.kill()
        parent.wait()
    for _ in range(100):  # a heartbeat a second (unresponsive / 5): ten seconds at most
        if not any(_alive(child) for child in blocked):
            break
        select.select([], [], [], 0.1)
    left = [child for child in blocked if _alive(child)]
    for child in left:
        os.kill(child, signal.SIGKILL)
    assert not left, "the child of a killed parent is still running"


def test_a_process_stuck_with_the_gil_held_is_killed_and_judged():
    report = _run("cf-module:tests.faulty.future.short_wait_holds_gil", stop_at={"CF-TIMEOUT-2"})
    assert "CF-TIMEOUT-2" in report.stopped  # stop_at: the run ends at the clause it is asked about
    verdict = report.verdicts["CF-TIMEOUT-2"]
    assert verdict.verdict == "fail" and "stopped responding" in verdict.counterexample.message
    assert "in _wait" in verdict.counterexample.crash  # faulthandler dumped the thread holding the GIL


def test_exitfirst_stops_at_the_first_failing_clause_and_passes_nothing():
    spec = "cf-module:tests.faulty.future.cancel_finished_true"
    report = runner.run(loading.load(spec), settings_profile="dev", seed=1, spec=spec, exitfirst=True)
    failing = [cid for cid, v in report.verdicts.items() if v.verdict == "fail"]
    assert failing == ["CF-CANCEL-3"] and "exitfirst" in report.stopped and report.exit_status == 1
    assert not [cid for cid, v in report.verdicts.items() if v.verdict == "pass"]
    assert report.verdicts["CF-CANCEL-3"].counterexample.replay


def test_exitfirst_stops_at_a_crash_too():
    report = _run("cf-module:tests.fixtures.crash_then_violation", exitfirst=True)
    assert [cid for cid, v in report.verdicts.items() if v.verdict == "fail"] == ["CF-SRNC-1"]
    assert "CF-SRNC-1" in report.stopped and report.verdicts["CF-CANCEL-3"].verdict == "untested"


def test_exitfirst_on_a_conforming_implementation_changes_nothing():
    run = cli("--adapter", "reference-asyncio", "--profile", "dev", "--seed", "3", "-x")  # the quickest reference
    assert run.returncode == 0 and "RESULT: CONFORMING" in run.stdout and "STOPPED" not in run.stdout


def test_a_spare_child_never_handed_a_job_leaves_quietly():
    """`python -m conformance` starts its first child before it imports the suite (spare.py); when the command ends
    without running one (a usage error), the spare sees its stdin close and leaves, saying nothing."""
    spare = subprocess.run([sys.executable, "-m", "conformance._child", "-"], input=b"", capture_output=True,
                           cwd=ROOT, timeout=120)
    assert (spare.returncode, spare.stdout, spare.stderr) == (0, b"", b"")


@pytest.mark.skipif(not hasattr(os, "pidfd_open") or not hasattr(os, "waitid"), reason="Linux: pidfd_open, waitid")
def test_a_process_the_implementation_left_behind_ignoring_sigterm_ends_with_the_run(tmp_path, monkeypatch):
    """The fixture's import starts a process that ignores SIGTERM and is never waited for (as a broken process pool's
    workers can be); once the child has ended, the parent kills the child's process group, and that process with it."""
    left = tmp_path / "left"
    monkeypatch.setenv("FUTURESPEC_TEST_LEFT", str(left))
    report = _run("cf-module:tests.fixtures.leaves_a_process", skip=("FutureMachine", "RaceMachine", "WaitMachine"))
    assert report.exit_status == 0
    pid = int(left.read_text())
    try:
        assert _ends(pid, 30), f"process {pid}, started by the implementation, outlived the run"
    finally:
        if not _ends(pid, 0):
            os.kill(pid, signal.SIGKILL)


def _ends(pid, seconds):
    """Whether process `pid` has ended, or ends within `seconds` (a zombie nobody reaped yet has ended)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([handle], [], [], seconds)[0])
    finally:
        os.close(handle)


def test_an_adapter_that_crashes_while_loading_is_a_usage_error():
    run = cli("--adapter", "cf-module:tests.fixtures.import_segfaults")
    assert run.returncode == 2 and run.stdout == "" and run.stderr.count("\n") == 1
    assert "ended the process" in run.stderr and "SIGSEGV" in run.stderr
    with pytest.raises(AdapterError, match="ended the process"):
        _run("cf-module:tests.fixtures.import_segfaults")


@pytest.mark.parametrize("variable, value", [("FUTURESPEC_CRASH_BUDGET", "none"),
                                             ("FUTURESPEC_UNRESPONSIVE_TIMEOUT", "-1")])
def test_bad_isolation_settings_are_usage_errors(variable, value):
    run = cli("--adapter", "stdlib", env={variable: value})
    assert run.returncode == 2 and run.stderr.startswith(f"futurespec: error: {variable}=")


def test_the_pytest_plugin_runs_isolated_and_stops_first(tmp_path):
    from tests.test_cli import _plugin_option

    run = subprocess.run([sys.executable, "-m", "pytest", *_plugin_option(), "-q", "-rfs", "-p", "no:cacheprovider",
                          "--futurespec-adapter", SEGFAULT, "--futurespec-profile", "triage", "--futurespec-exitfirst",
                          "--rootdir", str(tmp_path), str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 1 and "FAILED" in run.stdout and "CF-CANCEL-1" in run.stdout
    assert "SIGSEGV" in run.stdout and "stopped at its first failing clause" in run.stdout
