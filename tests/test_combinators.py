"""The combinators profile's own plumbing: combinators-module: loading (clear errors, asyncio's functions standing in
for those a module lacks, and the name saying so) and the standard library's version-bound deviations (COMB-WAITFOR-4
from 3.12, gh-96764; COMB-WAITFOR-5 up to 3.11, gh-86296; COMB-TASKGROUP-7 on 3.11-3.12, gh-116720) reproducing
exactly where they are declared. (The reference combinators pass strictly under every seed of
tests/test_stability.py.)"""
import asyncio
import sys

import pytest

from conformance import clauses, loading, runner
from conformance.adapter import AdapterError, CombinatorAdapter
from conformance.adapters import asyncio_combinators


@pytest.mark.parametrize("spec, message", [
    ("combinators-module:tests.fixtures.import_fails", "cannot import module 'tests.fixtures.import_fails': "
                                                       "ModuleNotFoundError"),
    ("combinators-module:tests.fixtures.no_future", "provides none of gather, shield, wait_for, wait, timeout, "
                                                    "timeout_at, as_completed, TaskGroup, which "
                                                    "combinators-module: checks"),
])
def test_bad_combinator_modules_are_rejected_with_a_clear_message(spec, message):
    with pytest.raises(AdapterError, match=message):
        loading.load(spec)


def test_a_module_lacking_some_combinators_borrows_asyncios_and_says_so():
    adapter = loading.load("combinators-module:tests.fixtures.only_gather")
    assert adapter.name == ("combinators-module:tests.fixtures.only_gather (asyncio's shield, wait_for, wait, "
                            "timeout, timeout_at, as_completed, TaskGroup)")
    assert adapter.describe()["from_asyncio"] == ["shield", "wait_for", "wait", "timeout", "timeout_at", "as_completed",
                                                     "TaskGroup"]
    assert adapter.gather is asyncio.gather and adapter.shield.__func__ is CombinatorAdapter.shield


def test_a_borrowed_combinator_brings_cpythons_deviations_and_a_provided_one_does_not():
    """A module lacking TaskGroup is not reported for gh-116720 in asyncio's (3.11, 3.12); one providing it is
    judged on its own (the reference's, which has no such deviation)."""
    borrowing = loading.load("combinators-module:tests.fixtures.only_gather").deviations
    assert set(borrowing) == set(asyncio_combinators.cpython_deviations())  # it borrows every deviating one
    assert loading.load("combinators-module:reference.combinators").deviations == {}


@pytest.fixture(scope="module")
def stdlib_report():
    return runner.run(loading.load("asyncio-combinators"), settings_profile="dev", seed=3)


def test_core_clauses_do_not_apply_to_combinators(stdlib_report):
    core = [cid for cid, clause in clauses.index().items() if clause.profile == "core"]
    assert core and all(stdlib_report.verdicts[cid].verdict == "not-applicable" for cid in core)


def test_the_wait_for_deviations_reproduce_where_they_are_declared(stdlib_report):
    later = sys.version_info >= (3, 12)
    assert stdlib_report.verdicts["COMB-WAITFOR-4"].verdict == ("deviation" if later else "pass")
    assert stdlib_report.verdicts["COMB-WAITFOR-5"].verdict == ("pass" if later else "deviation")
    assert stdlib_report.verdicts["COMB-TASKGROUP-7"].verdict == (
        "not-applicable" if sys.version_info < (3, 11) else "deviation" if sys.version_info < (3, 13) else "pass")
    assert stdlib_report.exit_status == 0



def test_a_loop_whose_clock_cannot_be_replaced_is_one_clear_error():
    class FixedClock(asyncio.SelectorEventLoop):
        time = property(lambda self: super().time)  # no setter: the suite cannot install its clock

    class Adapter(CombinatorAdapter):
        name = "fixed-clock"

        def new_loop(self):
            return FixedClock()

    with pytest.raises(AdapterError, match="does not let its time\\(\\) be replaced"):
        runner.run(Adapter(), settings_profile="dev", seed=1)


def test_capabilities_say_which_clauses_apply():
    """clock for the loop's time(); timeout and task-group from 3.11 (asyncio's), or where a module provides them (a
    backport); the reference's timeout and TaskGroup need 3.11. A loop without `clock` (uvloop's) makes the deadline
    clauses not applicable and no other."""
    modern = {"timeout", "task-group"} if sys.version_info >= (3, 11) else set()
    assert set(loading.load("combinators-module:tests.fixtures.only_gather").capabilities) == {"clock"} | modern
    assert set(loading.load("combinators-module:reference.combinators").capabilities) == {"clock", "timeout",
                                                                                          "task-group"}
    assert set(loading.load("reference-combinators").capabilities) == {"clock"} | modern

    class Unclocked(CombinatorAdapter):
        name = "unclocked"
        capabilities = CombinatorAdapter.capabilities - {"clock"}

    index = clauses.index()
    clocked = {cid for cid, clause in index.items() if clause.profile == "combinators" and "clock" in clause.needs}
    assert {"COMB-WAITFOR-2", "COMB-WAIT-4", "COMB-ASCOMP-3", "COMB-TIMEOUT-1"} <= clocked
    for cid, clause in index.items():
        if clause.profile == "combinators":
            reason = runner.applicability(clause, Unclocked())
            assert (reason is not None and "clock" in reason) == (cid in clocked), (cid, reason)



def test_a_zero_timeout_is_judged_without_the_clock():
    """COMB-WAITFOR-7 needs no clock (a zero deadline is reached at the call on any clock): a loop lacking the
    capability (uvloop's) is still judged on it, and a wait_for that times out a done inner is rejected there."""
    adapter = loading.load("combinators-module:tests.faulty.combinators.wait_for_zero_always_times_out")
    adapter.capabilities = adapter.capabilities - {"clock"}
    skip = ("GatherMachine", "ShieldMachine", "WaitMachine", "AsCompletedMachine", "TimeoutMachine", "TaskGroupMachine")
    report = runner.run(adapter, settings_profile="dev", seed=0, skip=skip, stop_at=("COMB-WAITFOR-7",))
    assert report.verdicts["COMB-WAITFOR-7"].verdict == "fail"
    assert report.verdicts["COMB-WAITFOR-2"].verdict == "not-applicable"
