"""The controlled scheduler (conformance/scheduling/): it finds a check-then-act race for sure, a deadlock at once,
replays a schedule exactly, says when code blocks where it cannot see. (That it never flags a correct Future is
shown by tests/test_stability.py: every run of a cf adapter there runs the race machine.)"""
import asyncio
import concurrent.futures
import importlib
import inspect
import os
import pathlib
import random
import subprocess
import sys
import threading

import pytest

from conformance import loading, profiles, report, runner
from conformance.bridge import races as bridge_races, tour as bridge_tour
from conformance.executors import races
from conformance.future import race_machine, scenario, tour as future_tour
from conformance.scheduling import primitives, scheduler, strategies
from tests.fixtures import racy_counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIMIT = 5.0
RACE_ONLY = ("WaitMachine", "ExecutorMachine", "FutureMachine")  # the controlled race machine alone
RACES = pathlib.Path(__file__).parent / "faulty" / "races"


def _run(method, strategy, bodies=2, limit=LIMIT):
    """A fresh counter, made and then bumped by `bodies` scenario threads calling `method` under `strategy`."""
    with primitives.installed([racy_counter]):
        made = {}
        scheduler.Scheduler(strategies.Choices(), [racy_counter.__file__], limit).run(
            [lambda: made.setdefault("counter", racy_counter.Counter())])
        counter = made["counter"]
        outcome = scheduler.Scheduler(strategy, [racy_counter.__file__], limit).run(
            [getattr(counter, name) for name in ([method] * bodies if isinstance(method, str) else method)])
    return counter, outcome


def _lost_update(strategy):
    counter, outcome = _run("bump", strategy)
    return (counter.count, outcome) if counter.count != 2 else None


def test_bounded_search_finds_a_check_then_act_race_with_one_preemption():
    found = strategies.bounded(_lost_update, preemptions=1, runs=100)
    assert found is not None and found[0] == 1
    lines, first = inspect.getsourcelines(racy_counter.Counter.bump)
    assert {scheduler.where(w) for _, _, _, w in found[1].trail} <= {
        f"racy_counter.py:{n}" for n in range(first, first + len(lines) + 1)}


def test_bounded_search_passes_the_locked_counter():
    assert strategies.bounded(lambda s: None if _run("bump_locked", s)[0].count == 2 else "lost", 2, 2000) is None


def test_pct_finds_the_race_over_a_handful_of_seeds():
    found = [_lost_update(strategies.PCT(priorities, [change]))
             for priorities in ((0, 1), (1, 0)) for change in range(1, 8)]
    assert any(found)


def test_the_same_schedule_replays_the_same_switches():
    first = _run("bump", strategies.PCT((1, 0), [3]))[1]
    again = _run("bump", strategies.PCT((1, 0), [3]))[1]
    assert first.trail == again.trail and first.steps == again.steps
    choices = strategies.Choices((1, 0, 1))
    _run("bump", choices)
    replays = [_run("bump", strategies.Choices(choices.taken))[1].trail for _ in range(2)]
    assert replays[0] == replays[1]


def test_a_failing_schedule_shrinks_to_its_fewest_preemptions_and_replays_from_its_sparse_choices():
    """A PCT schedule that loses an update, cut to one preemption; the counterexample's {decision point: thread}
    replays it, switch for switch."""
    failing = [s for s in (strategies.PCT(p, [c, c + 2]) for p in ((0, 1), (1, 0)) for c in range(1, 8))
               if _lost_update(s)]
    assert failing
    choices = strategies.shrunk(lambda trial: _lost_update(trial) is not None, failing[-1], 100)
    shrunk = strategies.Choices(choices)
    assert _lost_update(shrunk) and strategies.preemptions(shrunk.decisions) == 1
    replayed = strategies.Choices(shrunk.sparse)
    assert _lost_update(replayed)[1].trail == _lost_update(strategies.Choices(choices))[1].trail
    assert len(shrunk.sparse) <= 2


def test_every_thread_blocked_is_a_deadlock_found_at_once():
    found = strategies.bounded(lambda s: (lambda o: o if o.status != "finished" else None)(
        _run(("forwards", "backwards"), s)[1]), preemptions=1, runs=100)
    assert found is not None and found.status == "deadlock"
    assert set(found.blocked.values()) == {"Lock.acquire"}


def test_code_that_blocks_out_of_sight_is_uncontrolled_not_a_verdict():
    real = threading.Lock()
    real.acquire()
    try:
        outcome = scheduler.Scheduler(strategies.Choices(), [racy_counter.__file__], 0.2).run(
            [lambda: racy_counter.Counter().bump(), lambda: real.acquire()])
        assert outcome.status == "uncontrolled" and "test_scheduling.py" in outcome.stuck
        assert outcome.left_behind == ["T2"]  # the run waited for it to unwind, and says it could not
    finally:
        real.release()


def test_no_thread_of_an_ended_run_runs_on():
    """After a deadlock, every scenario thread has unwound before the run returns: none runs into the next run."""
    outcome = strategies.bounded(lambda s: (lambda o: o if o.status != "finished" else None)(
        _run(("forwards", "backwards"), s)[1]), preemptions=1, runs=100)
    assert outcome.status == "deadlock" and outcome.left_behind == []


def test_a_timed_wait_times_out_only_when_nothing_else_can_run():
    event = {}

    def waiter():
        event["e"] = primitives.Event()
        event["waited"] = event["e"].wait(60)

    outcome = scheduler.Scheduler(strategies.Choices(), [], LIMIT).run([waiter])
    assert outcome.status == "finished" and event["waited"] is False and len(outcome.timeouts) == 1


def _races():
    """The race-only faulty modules of tests/faulty/races/ (Future, wait(), as_completed() and executor ones)."""
    if not (RACES / "__init__.py").is_file():
        return []
    return sorted(p.stem for p in RACES.glob("*.py") if not p.stem.startswith("_"))


@pytest.mark.parametrize("name", _races() or [pytest.param("", marks=pytest.mark.skip("no tests/faulty/races"))])
def test_every_race_only_module_is_rejected_for_its_clause(name):
    """The controlled race machine alone rejects each, for one of the clauses it names, on a ci run (which stops
    there: the search would otherwise go on with that clause muted until a whole round ran clean)."""
    module = importlib.import_module(f"tests.faulty.races.{name}")
    spec = f"cf-module:tests.faulty.races.{name}"
    report = runner.run(loading.load(spec), settings_profile="ci", spec=spec, skip=RACE_ONLY,
                        stop_at=module.VIOLATES)
    failed = {cid for cid, v in report.verdicts.items() if v.verdict == "fail"}
    assert failed & module.VIOLATES, f"{name}: expected one of {sorted(module.VIOLATES)}, got {sorted(failed)}"


def test_a_waiter_giving_up_never_takes_another_waiters_place():
    """Two waiters on one condition: the one that stops waiting (timeout 0) must not remove the other's entry."""
    shared, seen = {}, {}

    def make():
        shared["condition"] = primitives.Condition()

    def patient():
        with shared["condition"]:
            seen["patient"] = shared["condition"].wait()

    def hasty():
        with shared["condition"]:
            seen["hasty"] = shared["condition"].wait(0)
            shared["condition"].notify_all()

    scheduler.Scheduler(strategies.Choices(), [], LIMIT).run([make])
    outcome = scheduler.Scheduler(strategies.Choices(), [], LIMIT).run([patient, hasty])
    assert outcome.status == "finished" and seen == {"patient": True, "hasty": False}


def test_the_clause_named_is_that_of_the_call_no_serial_order_explains():
    """cancel() won, set_running_or_notify_cancel() saw it, and set_result() also 'succeeded': set_result's outcome is
    the one nothing explains (CF-ATOMIC-1), though cancel and set_running_or_notify_cancel raced (CF-ATOMIC-2)."""
    ran = scenario.Scenario(loading.load("reference"), (), (("set_running_or_notify_cancel",), ("cancel",),
                                                            ("set_result",)), 0.01)
    ran.future = None
    outcomes = {"set_running_or_notify_cancel": False, "cancel": True, "set_result": None,
                "done": True, "cancelled": True, "running": False, "exception(0)": None}
    for clock, call in enumerate(ran.calls):
        racing = 1 <= call.thread <= 3
        call.called, call.returned = (0, 10) if racing else (20 + 2 * clock, 21 + 2 * clock)
        if call.name == "exception(0)":
            call.error = ran.adapter.CancelledError()
        else:
            call.value = outcomes[call.name]
    clause, _ = scenario.verdict(ran, scheduler.Outcome("finished", 0))
    assert clause == "CF-ATOMIC-1"
    outcomes.update(set_running_or_notify_cancel=True)
    for call in ran.calls:
        if call.name == "set_result":
            call.error = ran.adapter.InvalidStateError()
        elif call.name in outcomes and call.name != "exception(0)":
            call.value = outcomes[call.name]
    assert scenario.verdict(ran, scheduler.Outcome("finished", 0))[0] == "CF-ATOMIC-2"


@pytest.mark.parametrize("method", ["bump_module_locked", "bump_in_a_thread"])
def test_a_lock_made_at_import_and_a_thread_started_in_a_scenario_stay_under_control(method):
    """A module-level lock is waited for cooperatively (not an `uncontrolled` run), and a thread the code starts
    joins the scenario: every schedule with up to two preemptions finishes, and counts right."""
    def wrong(strategy):
        counter, outcome = _run(method, strategy)
        return None if outcome.status == "finished" and counter.count == 2 else (outcome.status, counter.count)
    assert strategies.bounded(wrong, preemptions=2, runs=300) is None


def test_a_process_pool_subclass_is_not_traced():
    """A process pool's code runs in other processes: never under the scheduler, even when the executor's own class
    name lacks "Process" (loky's _ReusablePoolExecutor, whose traced modules once wedged loky's shutdown lock)."""
    class ProcessPoolExecutor:
        def shutdown(self, wait=True):
            pass

    class _ReusablePoolExecutor(ProcessPoolExecutor):
        pass

    adapter = type("Adapter", (), {"new_executor": staticmethod(lambda max_workers: _ReusablePoolExecutor()),
                                   "capabilities": frozenset()})  # no "pickling": told by the class alone
    assert races.target(adapter, "executor") == []


def test_a_scenario_shows_an_implementation_object_by_its_class():
    """repr() of a future made under the scheduler would take a cooperative lock after the run has ended."""
    assert races._shown(concurrent.futures.Future()) == "a Future"
    assert races._shown(ValueError("x")) == "raises ValueError" and races._shown(3) == "3"


def test_one_switch_schedules_visit_every_switch_place_before_a_second_round():
    """A thread bumping three times switches at the same lines each round: the first round's switches come first
    (strategies.switched_once), whatever the shuffle, so a budget too small for all still sees every place."""
    base = strategies.Choices()
    _run(["bump_thrice", "bump"], base)
    places = [(place, current, other) for (enabled, current, chosen), place in zip(base.decisions, base.places)
              for other in enabled if other != chosen]
    firsts = len(set(places))
    assert firsts < len(places)
    for shuffle in (None, random.Random(1), random.Random(2)):
        ordered = strategies.switched_once(base, shuffle)
        assert sorted(ordered) == sorted(strategies.switched_once(base))
        seen = {(base.places[len(c) - 1], base.decisions[len(c) - 1][1], c[-1]) for c in ordered[:firsts]}
        assert len(seen) == firsts


def test_bounded_search_visits_every_schedule_once_fewest_preemptions_first_in_the_same_order():
    """Every schedule of at most two preemptions, none twice, by non-decreasing preemptions, in one order run after
    run; with `deepest`, every schedule with fewer, then that many with two."""
    def search(**options):
        visited = []
        strategies.bounded(lambda s: _run(["bump_thrice", "bump"], s) and visited.append(s) and None, 2, 5000,
                           **options)
        return [(strategies.preemptions(s.decisions), s.taken) for s in visited]
    every = search()
    counts = [count for count, _ in every]
    assert counts == sorted(counts) and counts[-1] == 2 and len({taken for _, taken in every}) == len(every)
    assert search() == every
    assert [count for count, _ in search(deepest=7)] == [c for c in counts if c < 2] + [2] * 7
    shuffled = search(shuffle=random.Random(3))
    assert sorted(shuffled) == sorted(every) and search(shuffle=random.Random(3)) == shuffled


def test_the_references_wait_visits_its_futures_in_the_order_given_not_a_sets():
    """A set's order follows id(), which differs from process to process: the schedule a seed gives would too."""
    from reference import executor
    calls = []

    class Done:
        def __init__(self, order):
            self.order = order

        def __hash__(self):
            return self.order

        def add_done_callback(self, fn):
            calls.append(self.order)
            fn(self)
        _discard_callback = done = lambda self, *_: True
        cancelled = exception = lambda self, *_: None
    given = [Done(n) for n in (5, 1, 3)]
    assert [f.order for f in set(given)] != [5, 1, 3]  # else the test would prove nothing
    executor.wait(given + given[:1], 0)
    assert calls == [5, 1, 3]


def test_the_race_tour_goes_to_two_preemptions_for_the_waiters_and_the_racing_completions_only():
    walks = [walk[0][1] for walk in future_tour.race_walks({"wait", "executor"}, profiles.RACE_TOUR_DEEPER)]
    deeper = {(w["kind"], w.get("preemptions"), w.get("deepest")) for w in walks if "kind" in w}
    assert {kind for kind, preemptions, _ in deeper if preemptions == 2} == {"wait", "as_completed"}
    assert ("executor", None, None) in deeper
    completions = [w["threads"] for w in walks if "kind" not in w and w.get("preemptions") == 2]
    assert (("set_result",), ("set_exception",)) in completions and (("result",), ("set_result",)) not in completions
    bridge = {w[0][1]["kind"]: w[0][1].get("preemptions") for w in bridge_tour.race_walks(set(),
                                                                                         profiles.BRIDGE_RACE_DEEPER)}
    assert bridge["executor+cancel"] == 2


def test_threads_waiting_for_the_set_up_offer_no_schedule_choices():
    """Switching to a thread that would only wait for the first one's set-up changes nothing: Scheduler.run's `after`
    keeps it out of the choices until the set-up is made."""
    made = {}

    def first():
        made["counter"] = racy_counter.Counter()
        made["counter"].bump()

    def second():
        made["counter"].bump()
    with primitives.installed([racy_counter]):
        gated, free = strategies.Choices(), strategies.Choices()
        scheduler.Scheduler(gated, [racy_counter.__file__], LIMIT).run([first, second], after=lambda: "counter" in made)
        made.clear()
        scheduler.Scheduler(free, [racy_counter.__file__], LIMIT).run(
            [first, lambda: primitives.wait_until(lambda: "counter" in made, "set-up") or second()])
    assert 0 < len(gated.decisions) < len(free.decisions)


def test_a_counterexample_names_the_executors_worker():
    """The switches name threads T1, T2…: a thread the executor started is named too — who started it, in which
    call, and whose calls it ran."""
    adapter = loading.load("reference")
    modules, _ = race_machine.implementation(adapter.new_future())
    modules += [m for m in races.target(adapter, "executor") if m not in modules]
    race = races.Race(adapter, "executor", (1, (("submit, result",), ("shutdown",))), ())
    outcome = race.run(modules, [m.__file__ for m in modules], strategies.Choices(), LIMIT)
    assert outcome.status == "finished" and race.verdict(outcome) is None
    shown = race.show()
    assert "T3 = the executor's worker" in shown and "started by T1 in T1.submit#1()" in shown, shown
    assert "ran T1.submit#1's call" in shown, shown


def test_the_report_prints_a_race_counterexample_one_column_per_thread():
    """The table of a race's counterexample reaches the user's terminal as it was drawn: the report wraps the
    message's first line only."""
    done = runner.run(loading.load("cf-module:tests.faulty.races.outcome_stored_then_claimed"), settings_profile="ci",
                      seed=0, exitfirst=True)
    text = report.render(done)
    header = next(line for line in text.splitlines() if line.strip().startswith("prefix"))
    assert header.split("|")[1].strip() == "T1" and header.split("|")[2].strip() == "T2", text
    assert "    switches (thread@where it was preempted→next): " in text, text


def test_a_race_counterexample_replays_exactly_its_schedule():
    """The replay script takes the schedule that broke the clause (not the search that found it), and running it
    breaks the clause again."""
    done = runner.run(loading.load("cf-module:tests.faulty.races.outcome_stored_then_claimed"), settings_profile="ci",
                      seed=0, exitfirst=True)
    script = done.verdicts["CF-ATOMIC-4"].counterexample.replay
    assert "state.replay_schedule(" in script and "state.explore(" not in script, script
    ran = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert ran.returncode != 0 and "[CF-ATOMIC-4]" in ran.stderr, ran.stderr[-2000:]


def test_a_race_step_hypothesis_printed_over_several_lines_is_replaced_whole():
    """Hypothesis wraps a long step (a generated executor scenario's threads) over several lines; the replay script
    puts the schedule in place of all of them (it once left the wrapped lines behind: an IndentationError)."""
    steps = ["state = RaceMachine()", "state.race_executor(changes=[], order=904, threads=[('submit',),",
             " ('submit', 'shutdown(wait=False)'),", " ('shutdown',)], workers=2)", "state.teardown()"]
    schedule = "state.explore_race(kind='executor', detail=(1, (('submit',),)), completions=(), choices={0: 1})"
    script = runner.replay_script("stdlib-thread", steps, f"violated\n{runner.SCHEDULE_MARK}{schedule}")
    assert script.splitlines()[2:] == [schedule, "state.teardown()"]
    compile(script, "replay", "exec")


@pytest.mark.parametrize("spec", ["reference-bridge", "asyncio-bridge"])
def test_correct_bridges_pass_every_bridge_race_of_up_to_two_preemptions(spec):
    """The loop's thread and the user's race over a link: a correct bridge passes every schedule (the loop's select()
    made cooperative, so the loop's thread blocks where the scheduler sees it)."""
    adapter = loading.load(spec)
    target = bridge_races.target(adapter)
    assert target is not None

    def wrong(kind):
        def attempt(strategy):
            race = bridge_races.BridgeRace(adapter, kind)
            try:
                outcome = race.run(*target, strategy, LIMIT)
                return race.verdict(outcome) if outcome.status in ("finished", "deadlock") else outcome.status
            finally:
                race.close()
        return attempt
    for kind in bridge_races.KINDS:
        assert strategies.bounded(wrong(kind), 2, 400) is None, kind


def test_a_loop_asleep_after_a_callback_was_handed_to_it_is_a_deadlock_found_at_once():
    """A bridge that hands the outcome over with call_soon() from the producer's thread never wakes the loop: the
    loop's thread sleeps in select() with the callback queued — a deadlock verdict, not a hang."""
    adapter = loading.load("bridge-module:tests.faulty.bridge.handover_wakes_no_loop")
    race = bridge_races.BridgeRace(adapter, "wrap")
    try:
        outcome = race.run(*bridge_races.target(adapter), strategies.Choices(), LIMIT)
        clause, message = race.verdict(outcome)
    finally:
        race.close()
    assert outcome.status == "deadlock"
    assert clause == "BRIDGE-WRAP-4" and "the loop sleeps with 1 callback(s) queued" in message, message


def test_a_loop_with_no_python_selector_is_left_to_the_sequential_machine():
    adapter = type("Adapter", (), {"new_loop": staticmethod(lambda: type("Loop", (), {"close": lambda self: None})())})
    assert bridge_races.target(adapter) is None


def test_a_pure_python_loop_the_implementation_ships_is_raced_and_its_lost_wake_up_found():
    """A bridge-module: module's new_event_loop() is raced with its bridges, its module traced: a call_soon_threadsafe()
    that wakes the loop before queueing the callback leaves it asleep with the callback queued."""
    adapter = loading.load("bridge-module:tests.faulty.bridge.loop_wakes_before_queueing")
    modules, files = bridge_races.target(adapter)
    assert any(f.endswith("loop_wakes_before_queueing.py") for f in files), files

    def wrong(strategy):
        race = bridge_races.BridgeRace(adapter, "wrap")
        try:
            return race.verdict(race.run(modules, files, strategy, LIMIT))
        finally:
            race.close()
    clause, message = strategies.bounded(wrong, 2, 400)
    assert clause == "BRIDGE-WRAP-4" and "the loop sleeps with 1 callback(s) queued" in message, message


class _ForeignLoop(asyncio.SelectorEventLoop):
    """A loop subclass from outside the implementation (as trio-asyncio's loop subclasses asyncio's)."""


def test_a_loop_subclass_the_implementation_does_not_ship_is_left_to_the_sequential_machine():
    adapter = loading.load("reference-bridge")
    adapter.new_loop = _ForeignLoop
    assert bridge_races.target(adapter) is None


def test_a_bug_that_needs_two_preemptions_passes_every_schedule_with_one_and_is_found_with_two():
    """outcome_stored_then_claimed: both completions must be preempted inside their windows, in turn, for the loser's
    outcome to stay behind the winner's. The tour's completions race goes to two preemptions for it
    (profiles.RACE_TOUR_DEEPER)."""
    adapter = loading.load("cf-module:tests.faulty.races.outcome_stored_then_claimed")
    modules, files = race_machine.implementation(adapter.new_future())
    prefix, threads = ("add_done_callback",), (("set_result",), ("set_exception",))
    assert (prefix, threads) in race_machine.TOUR

    def wrong(strategy):
        ran = scenario.Scenario(adapter, prefix, threads, 0.01)
        outcome = ran.run(modules, files, strategy, LIMIT)
        found = scenario.verdict(ran, outcome) if outcome.status in ("finished", "deadlock") else outcome.status
        return found and (found, strategies.preemptions(strategy.decisions))
    assert strategies.bounded(wrong, 1, 1000) is None
    (clause, _), preemptions = strategies.bounded(wrong, 2, 1000, deepest=profiles.RACE_TOUR_DEEPER["completions"][1])
    assert clause in {"CF-ATOMIC-1", "CF-ATOMIC-4"} and preemptions == 2
