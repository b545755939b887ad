"""Selecting adapters: built-ins, cf-module:, module:attribute, factories and entry points; capabilities turn into
not-applicable verdicts; declared deviations are reported and must reproduce."""
import concurrent.futures
import dataclasses

import pytest

from conformance import clauses, config, loading, profiles, runner
from conformance.adapter import Adapter, AdapterError, validate
from conformance.executors import exiting
from tests.fixtures import slow_exit


@pytest.mark.parametrize("spec", ["reference", "stdlib", "cf-module:concurrent.futures",
                                  "tests.fixtures.adapters:factory", "tests.fixtures.adapters:KnownDeviation"])
def test_adapters_load(spec):
    assert loading.load(spec).new_future().done() is False


@pytest.mark.parametrize("spec, message", [
    ("nope", "unknown adapter 'nope'"),
    ("cf-module:tests.fixtures.import_fails", "cannot import module 'tests.fixtures.import_fails': "
                                              "ModuleNotFoundError"),
    ("cf-module:tests.fixtures.no_future", "has no Future class"),
    ("tests.fixtures.nothing_here:Adapter", "cannot import adapter module"),
    ("tests.fixtures.adapters:Missing", "has no attribute 'Missing'"),
    ("tests.fixtures.adapters:NoNewFuture", "lacks new_future()"),
    ("tests.fixtures.adapters:UnknownProfile", "unknown profile 'trio'"),
    ("tests.fixtures.adapters:UnknownCapability", "unknown capabilities ['time-travel']"),
    ("tests.fixtures.adapters:DeviationFromUnknownClause", "unknown clause CF-NOPE-1"),
    ("tests.fixtures.adapters:broken_factory", "raised RuntimeError: the backend is not installed"),
    ("os:sep", "is not an adapter"),
    ("tests.fixtures.minimal_module:Future",
     "names the class Future, not an adapter: check a module that mirrors concurrent.futures with --adapter "
     "cf-module:tests.fixtures.minimal_module"),
    ("cf-modul:tests.fixtures.minimal_module", "did you mean cf-module:tests.fixtures.minimal_module?"),
])
def test_bad_adapters_are_rejected_with_a_clear_message(spec, message):
    with pytest.raises(AdapterError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        loading.load(spec)


def test_entry_point_adapters(monkeypatch):
    class EntryPoint:
        value = "tests.fixtures.adapters:factory"

        def load(self):
            from tests.fixtures.adapters import factory
            return factory

    monkeypatch.setattr(loading, "_entry_points", lambda: {"mybackend": EntryPoint()})
    assert loading.load("mybackend").name == "reference"
    assert "mybackend" in loading.available()


def test_cf_module_falls_back_to_stdlib_exceptions_and_says_so():
    adapter = loading.load("cf-module:tests.fixtures.minimal_module")
    assert "invalid-state-error" not in adapter.capabilities
    assert adapter.describe()["notes"][0] == "module has no CancelledError; using concurrent.futures.CancelledError"


def test_missing_capabilities_are_not_applicable_not_passed():
    report = runner.run(loading.load("tests.fixtures.adapters:WithoutRunningState"), settings_profile="dev", seed=1)
    for clause_id in ("CF-QUERY-1", "CF-SRNC-1", "CF-CANCEL-2", "CF-ATOMIC-2", "CF-SRNC-4"):
        assert report.verdicts[clause_id].verdict == "not-applicable"
        assert "capability" in report.verdicts[clause_id].reason
    assert report.exit_status == 0


def test_a_declared_deviation_is_reported_and_tolerated():
    report = runner.run(loading.load("tests.fixtures.adapters:KnownDeviation"), settings_profile="dev", seed=1)
    verdict = report.verdicts["CF-CANCEL-3"]
    assert verdict.verdict == "deviation" and "https://example.invalid/1" in verdict.reason
    assert report.exit_status == 0


def test_an_executor_that_loses_workers_is_not_judged_past_the_loss():
    """A pool that loses a worker to each call raising SystemExit (futurist's), EXEC-START-1 declared: once a call
    that should start does not, the executor machine stops judging that executor. Seed 2 reported EXEC-MAP-2, a false
    alarm, when it judged map()'s calls against the lost worker."""
    report = runner.run(loading.load("tests.fixtures.loses_workers:load"), settings_profile="dev", seed=2,
                        skip=("FutureMachine", "RaceMachine", "WaitMachine"))
    assert report.verdicts["EXEC-START-1"].verdict == "deviation"
    assert not [cid for cid, v in report.verdicts.items() if v.verdict == "fail"] and report.exit_status == 0


def test_a_call_released_by_a_muted_running_check_is_not_judged_unfinished():
    """Futures that do not say running() (pebble's process pool, under load), EXEC-RUN-1 declared: the muted check
    retires the call, which releases it, and the executor machine must not then fault its future for being done (a
    false EXEC-SUBMIT-1 took pebble-process's CI env down)."""
    report = runner.run(loading.load("tests.fixtures.late_running:load"), settings_profile="dev", seed=0,
                        skip=("FutureMachine", "RaceMachine", "WaitMachine"))
    assert report.verdicts["EXEC-RUN-1"].verdict == "deviation"
    assert not [cid for cid, v in report.verdicts.items() if v.verdict == "fail"] and report.exit_status == 0


def test_a_deviation_that_no_longer_reproduces_fails_the_run():
    report = runner.run(loading.load("tests.fixtures.adapters:StaleDeviation"), settings_profile="dev", seed=1)
    verdict = report.verdicts["CF-CANCEL-3"]
    assert verdict.verdict == "fail" and "could not reproduce" in verdict.reason
    assert report.exit_status == 1


def test_a_deviation_no_check_reached_is_untested_not_stale():
    report = runner.run(loading.load("tests.fixtures.adapters:UnreachedDeviation"), settings_profile="dev", seed=1,
                        skip=("ExecutorMachine", "RaceMachine", "WaitMachine"))  # the Future's machine alone: quick
    verdict = report.verdicts["EXEC-MAP-11"]
    assert verdict.verdict == "untested" and "never reached" in verdict.reason
    assert report.exit_status == 0


def test_a_deviation_shown_only_sometimes_is_untested_when_not_provoked():
    report = runner.run(loading.load("tests.fixtures.adapters:IntermittentDeviation"), settings_profile="dev", seed=1,
                        skip=("ExecutorMachine", "RaceMachine", "WaitMachine"))  # CF-CANCEL-3: the Future's machine
    verdict = report.verdicts["CF-CANCEL-3"]
    assert verdict.verdict == "untested" and "not provoked" in verdict.reason
    assert report.exit_status == 0


def test_version_bound_clauses_follow_the_interpreter():
    import sys

    verdict = runner.run(loading.load("stdlib"), settings_profile="dev", seed=1,  # a static check: no machine needed
                         skip=("FutureMachine", "WaitMachine", "RaceMachine")).verdicts["CF-TIMEOUT-4"]
    assert verdict.verdict == ("pass" if sys.version_info >= (3, 11) else "not-applicable")


class _ExecutorFuturesOnly(Adapter):
    """Futures only an executor completes (dask's): no new_future(), no bare-future."""

    name = "executor-futures-only"
    capabilities = frozenset({"executor", "workers"})

    def new_executor(self, max_workers, initializer=None, initargs=()):
        return concurrent.futures.ThreadPoolExecutor(max_workers)


def test_without_bare_future_the_bare_future_machines_and_their_clauses_are_not_applicable():
    adapter = _ExecutorFuturesOnly()
    validate(adapter, clauses.index())  # no new_future() needed
    machines = {m.name for m in profiles.PROFILES["cf"].machines_for(adapter)}
    assert machines == {"ExecutorMachine"}
    index = clauses.index()
    assert "bare-future" in runner.applicability(index["CF-SET-1"], adapter)
    assert runner.applicability(index["EXEC-SUBMIT-1"], adapter) is None


def test_an_adapter_with_no_future_at_all_is_refused():
    class Nothing(_ExecutorFuturesOnly):
        capabilities = frozenset({"wait"})

    with pytest.raises(AdapterError, match="lacks new_future()"):
        validate(Nothing(), clauses.index())


def test_an_adapter_that_makes_futures_has_bare_future_whatever_it_declares():
    class SpelledOut(_ExecutorFuturesOnly):
        capabilities = frozenset({"running-state"})

        def new_future(self):
            return concurrent.futures.Future()

    adapter = SpelledOut()
    validate(adapter, clauses.index())
    assert "bare-future" in adapter.capabilities
    assert "FutureMachine" in {m.name for m in profiles.PROFILES["cf"].machines_for(adapter)}


def test_an_exit_allowance_lengthens_the_exit_window_and_no_other():
    limits = config.Limits.from_environment()
    assert exiting.exit_window(Adapter(), limits) == limits.hang / 2  # the default, for every adapter declaring none
    assert exiting.exit_window(loading.load("tests.fixtures.slow_exit:adapter"), limits) == \
        limits.hang / 2 + slow_exit.ALLOWANCE


def test_each_exit_variant_is_judged_on_its_own():
    """EXEC-EXIT-1 declared does not leave EXEC-EXIT-2 unjudged; EXEC-EXIT-3 is judged only after an exit that waited,
    its premise (spec/executors.md)."""
    spec = "tests.fixtures.exit_excused:adapter"
    report = runner.run(loading.load(spec), spec=spec, settings_profile="triage",
                        skip=("FutureMachine", "RaceMachine", "WaitMachine"))
    verdicts = {cid: report.verdicts[cid].verdict for cid in ("EXEC-EXIT-1", "EXEC-EXIT-2", "EXEC-EXIT-3")}
    assert verdicts == {"EXEC-EXIT-1": "deviation", "EXEC-EXIT-2": "fail", "EXEC-EXIT-3": "untested"}


def test_with_an_exit_allowance_a_slow_wrong_exit_is_seen():
    """EXEC-EXIT-1: the fixture's exit gives up on its running call after slow_exit.GIVE_UP seconds; its adapter's
    executor_exit keeps the suite watching that long (with the default window the suite lets the call finish first)."""
    limits = dataclasses.replace(config.Limits.from_environment(), hang=1.0)
    assert limits.hang / 2 + slow_exit.ALLOWANCE > 2 * slow_exit.GIVE_UP
    spec = "tests.fixtures.slow_exit:adapter"
    report = runner.run(loading.load(spec), spec=spec, settings_profile="triage", limits=limits,
                        skip=("FutureMachine", "RaceMachine", "WaitMachine"), stop_at=("EXEC-EXIT-1",))
    verdict = report.verdicts["EXEC-EXIT-1"]
    assert verdict.verdict == "fail" and "while the call was still running" in verdict.counterexample.message


def test_a_new_future_that_raises_is_a_verdict_not_an_internal_error():
    """CORE-STATE-1's to judge: no machine may call new_future() unwatched (the race machine once did, to find the
    implementation's source, and the run ended with exit status 3)."""
    report = runner.run(loading.load("tests.fixtures.adapters:NewFutureRaises"), settings_profile="dev", seed=0)
    assert [v.clause.id for v in report.failed] == ["CORE-STATE-1"]
    assert "new_future() raised RuntimeError('cannot build a future')" in \
        report.verdicts["CORE-STATE-1"].counterexample.message
