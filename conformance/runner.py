"""One conformance run: search with Hypothesis until no new clause breaks, then turn the ledger into verdicts.

Each round runs the state machine until it finds a violation; Hypothesis shrinks it to a minimal step sequence,
the clause is muted, and the next round looks for the next one. Declared deviations are muted from the start and
must reproduce: a deviation the run cannot provoke is itself a failure, so the list stays true.

With `exitfirst` the run stops at the first clause that fails it; the clauses it did not finish checking are then
untested, never passed. The run itself happens in this process; isolation.py runs it in a child process it
supervises, handing it what earlier children found (`found`) and the kinds of call that crashed them (`refused`).
That parent uses this module's verdicts and reports only: Hypothesis and the machines are imported where a run
needs them, so that the supervising process starts without them (config.SETTINGS_PROFILES likewise).
"""
import contextlib
import logging
import random
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Dict, Optional

from . import checks, clauses, config, tour
from .ledger import ClauseViolation, Ledger
from .profiles import PROFILES
from .progress import Progress
from .watchdog import Watchdog

MAX_ROUNDS = 16  # distinct failing clauses shrunk per run; the rest are still reported, without a shrunk example


@dataclass
class Counterexample:
    message: str
    steps: list = field(default_factory=list)
    replay: str = ""
    note: str = ""
    crash: str = ""  # for a crash verdict (isolation.py): the dying child's threads, as faulthandler dumped them


@dataclass
class Verdict:
    clause: clauses.Clause
    verdict: str  # pass | fail | deviation | not-applicable | untested
    checks: int = 0
    reason: str = ""
    counterexample: Optional[Counterexample] = None

    @property
    def counts_against(self):
        """Whether this verdict makes the run fail without --strict: a broken MUST, or a stale deviation."""
        return self.verdict == "fail" and (self.clause.level == "MUST" or self.reason.startswith("declared"))


@dataclass
class Report:
    adapter: dict
    python: str
    settings_profile: str
    seed: int
    strict: bool
    verdicts: Dict[str, Verdict]
    seconds: float
    stopped: str = ""  # why the run stopped before it was complete (--exitfirst, crashes), if it did

    @property
    def failed(self):
        return [v for v in self.verdicts.values() if v.verdict == "fail" and (self.strict or v.counts_against)]

    @property
    def exit_status(self):
        return 1 if self.failed else 0


def applicability(clause, adapter):
    """Why a clause does not apply to this adapter on this interpreter, or None when it does."""
    if clause.profile not in ("core", adapter.profile):
        return f"belongs to the {clause.profile} profile"
    if clause.profile == "core" and adapter.profile not in clauses.CORE_PROFILES:
        return f"the {adapter.profile} profile checks no Future's own state machine"
    if not clause.holds_on():
        return f"holds for Python {clause.python} only"
    missing = clause.needs - set(adapter.capabilities)
    if missing:
        return f"needs capability {', '.join(sorted(missing))}, which the adapter does not declare"
    if adapter.profile == "cf" and "bare-future" not in adapter.capabilities and clause.checked:
        places = checks.checked_by().get(clause.id, ())
        if places and all(place.startswith(BARE_FUTURE_CHECKS) for place in places):
            return ("checked only on futures the suite makes with new_future() and completes itself: needs "
                    "capability bare-future, which the adapter does not declare")
    return None


# Where the checks on bare futures live: the machines that need capability bare-future (profiles.py), not the
# static checks of the exception classes (future/classes.py), which run for every adapter.
BARE_FUTURE_CHECKS = tuple(f"conformance.{m}:" for m in (
    "future.machine", "future.references", "future.model", "future.race_machine", "future.scenario", "future.tour",
    "executors.wait_machine", "executors.wait_tour", "executors.races"))


SCHEDULE_MARK = "replay this schedule: "  # how a race's violation names the one schedule that broke the clause


def replay_script(spec, steps, message=""):
    """The replay script of a counterexample's steps: a Python snippet that builds the machine and takes them. A race
    found by searching schedules names the one that broke the clause in its `message`; the script takes that
    schedule instead of the step that searched for it."""
    if not steps:
        return ""  # nothing was printed to replay (Hypothesis could not reproduce the failure)
    body = [re.sub(r"^state = (\w+)\(\)$", lambda m: f"state = replay_machine({spec!r}, {m.group(1)!r})", line)
            for line in steps]
    exact = [line[len(SCHEDULE_MARK):] for line in message.splitlines() if line.startswith(SCHEDULE_MARK)]
    last = max((i for i, line in enumerate(body) if line.startswith("state.") and line != "state.teardown()"),
               default=None)
    if exact and last is not None:
        end = last + 1  # a step Hypothesis printed over several lines goes on in lines that begin with white space
        while end < len(body) and body[end][:1].isspace():
            end += 1
        body[last:end] = [exact[-1]]
    return "\n".join(["from conformance.replay import replay_machine", *body])


def _steps(lines, error, machine_class):
    """The failing example's steps, from `state = ...` to `state.teardown()`. Hypothesis reports them while it replays
    the example one last time, to our reporter in older versions and, in newer ones (6.1xx), as notes on the error it
    raises (PEP 678; `__notes__` set by hand before Python 3.11), with a line for every invariant it checked between
    the rules: those are left out but for the failing one (they only look, and would double a counterexample's
    length)."""
    from hypothesis.stateful import INVARIANT_MARKER
    checks = {f"state.{name}()" for name in dir(machine_class)
              if getattr(getattr(machine_class, name, None), INVARIANT_MARKER, None) is not None}
    notes = [note for e in (error, *getattr(error, "exceptions", ())) for note in getattr(e, "__notes__", ())]
    text = [line for chunk in (*lines, *notes) for line in str(chunk).splitlines()]
    starts = [i for i, line in enumerate(text) if line.startswith("state = ")]
    if not starts:
        return []
    steps = text[starts[-1]:]
    ends = [i for i, line in enumerate(steps) if line == "state.teardown()"]
    steps = steps[:ends[0] + 1] if ends else steps
    last = len(steps) - 1 - (steps[-1] == "state.teardown()")  # the step that failed, an invariant's check or not
    return [line for i, line in enumerate(steps) if line not in checks or i == last]


def _violation_in(error, seen=()):
    """The ClauseViolation behind an error Hypothesis raised: it wraps failures that do not replay the same way
    (a race, a deadlock) in groups, or raises its own error with the violation as the cause or context."""
    if error is None or error in seen:
        return None
    if isinstance(error, ClauseViolation):
        return error
    seen = (*seen, error)
    for inner in (*getattr(error, "exceptions", ()), error.__cause__, error.__context__):
        found = _violation_in(inner, seen)
        if found:
            return found
    return None


def seed_for(settings_profile, seed=None):
    """The run's seed: the one asked for, else 0 for a derandomized settings profile, else a random one."""
    if seed is not None:
        return seed
    return 0 if config.derandomized(settings_profile) else random.randrange(2**32)


class Stopped(Exception):
    """The run stops early (exitfirst); the message says why."""

    @staticmethod
    def at(clause_id):
        return f"the run stopped at its first failing clause, {clause_id}, as --exitfirst asks"

    @staticmethod
    def found(clause_id):
        return f"the run stopped at {clause_id}, one of the clauses it was asked to stop at"


def fails_run(clause, strict):
    """Whether a failure of `clause` fails the run: a MUST clause, or with `strict` a SHOULD one."""
    return clause.level == "MUST" or (strict and clause.level == "SHOULD")


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]


class Failures(dict):
    """The run's failures by clause. Recording one mutes its clause and tells the progress; with `exitfirst`, a
    failure that fails the run (a MUST clause, or with `strict` a SHOULD one) stops it."""

    def __init__(self, context, found=None, exitfirst=False, strict=False, stop_at=()):
        super().__init__(found or {})
        context.ledger.muted.update(self)
        self.context = context
        self.exitfirst = exitfirst
        self.strict = strict
        self.stop_at = frozenset(stop_at)

    def record(self, clause_id, counterexample):
        self[clause_id] = counterexample
        self.context.ledger.muted.add(clause_id)
        self.context.progress.found(clause_id, counterexample)
        if clause_id in self.stop_at:
            raise Stopped(Stopped.found(clause_id))
        if self.exitfirst and fails_run(self.context.ledger.clause_index[clause_id], self.strict):
            raise Stopped(Stopped.at(clause_id))


def run(adapter, settings_profile=None, seed=None, strict=False, limits=None, spec=None, skip=(), exitfirst=False,
        progress=None, found=None, refused=(), stop_at=(), echoes=(), static=True):
    """One run of the suite against `adapter`; `skip` names machines (by class name, e.g. "FutureMachine") to leave
    out, for a caller that knows their clauses are not at stake. `exitfirst` stops at the first clause that fails
    the run; `stop_at` at the first failure of one of the clauses it names (the zoo's tests: the clause the
    implementation is known to break). An isolated run's child passes its `progress` stream, the counterexamples
    earlier children `found`, and the kinds of call that crashed them (`refused`: not attempted again); the child of
    one lane of a run split in lanes (profiles.Lane) besides the first, the machines that run there as `echoes`
    (their checks are not counted) and no `static` checks (the first lane makes them)."""
    from .judging import RunContext
    started = time.monotonic()
    settings_profile = config.settings_profile_name(settings_profile)
    seed = seed_for(settings_profile, seed)
    limits = limits or config.Limits.from_environment()
    progress = progress or Progress()
    index = clauses.index()
    not_applicable = {cid: applicability(c, adapter) for cid, c in index.items()}
    checked = [cid for cid, c in index.items() if c.checked and not not_applicable[cid]]
    ledger = Ledger(index, checked, muted=adapter.deviations)
    context = RunContext(adapter, ledger, Watchdog(limits, progress, refused), limits, progress)
    failures = Failures(context, found, exitfirst, strict, stop_at)
    stopped = ""
    try:
        if static:
            _static_checks(context, failures)
        with _logging_silenced(), _thread_deaths_silenced():
            _tour(context, spec or adapter.name, failures, skip, echoes)
            _search(context, settings_profile, seed, spec or adapter.name, failures, skip, echoes)
    except Stopped as stop:
        stopped = str(stop)
    verdicts = verdicts_of(index, not_applicable, ledger, adapter.deviations, failures, stopped, refused)
    return Report(dict(adapter.describe()), python_version(), settings_profile, seed, strict, verdicts,
                  time.monotonic() - started, stopped)


def verdicts_of(index, not_applicable, ledger, deviations, failures, stopped="", refused=()):
    """Every clause's verdict, from what the run observed; also how isolation.py reports a run its children could not
    finish. `refused`: the kinds of call that crashed earlier children, which this run no longer made."""
    unreached = NOT_REACHED + (f": it no longer made the calls that crashed the process (those of "
                               f"{', '.join(sorted(refused))})" if refused else "")
    return {cid: _verdict(clause, not_applicable[cid], ledger, deviations, failures.get(cid), stopped, unreached)
            for cid, clause in index.items()}


def _static_checks(context, failures):
    static_checks = PROFILES[context.adapter.profile].static_checks
    try:
        if static_checks is not None:
            static_checks(context.adapter, context.ledger)
    except ClauseViolation as violation:
        failures.record(violation.clause, Counterexample(violation.message))


def _machines(context, skip, echoes=()):
    """The machines of the run, each bound to its context, and whether its checks count (an echo's do not)."""
    for machine in PROFILES[context.adapter.profile].machines_for(context.adapter):
        if machine.name not in skip:
            with _uncounted(context.ledger, machine.name in echoes):
                yield machine, machine.judge.bound(context)


@contextlib.contextmanager
def _uncounted(ledger, echo):
    """Undo an echo's checks once it has run (profiles.Lane): the first lane of the run counts them."""
    counted = dict(ledger.checks) if echo else None
    try:
        yield
    finally:
        if counted is not None:
            ledger.checks.clear()
            ledger.checks.update(counted)


def _tour(context, spec, failures, skip, echoes=()):
    """Take every walk of every machine's tour; a failing walk, without the steps it does not need, is its own
    counterexample."""
    for machine, machine_class in _machines(context, skip, echoes):
        walks = list(machine.walks(context.adapter.capabilities))
        for number, walk in enumerate(walks, 1):
            context.progress.phase(f"the tour of {machine.name}, walk {number} of {len(walks)}")
            lines, waited = [], context.watchdog.spent
            try:
                tour.take(machine_class, walk, lines)
            except ClauseViolation as violation:
                if machine.cut_walks and context.watchdog.spent == waited:
                    lines, violation = _fewer_steps(context, machine, walk, lines, violation)
                failures.record(violation.clause, Counterexample(violation.message, lines,
                                                                 replay_script(spec, lines, violation.message)))


def _fewer_steps(context, machine, walk, lines, violation):
    """The walk with every step it does not need left out: each step in turn, from the last, is left out for good if
    the walk still breaks the same clause without it (a walk begins with steps that watch the future — callbacks,
    waiting threads — whatever it is about). The tries run on a scratch ledger and watchdog, so that nothing they
    observe counts; their calls are still announced, for a crash among them to be blamed right. Not when a hang
    found the violation: each try would wait out a time limit."""
    from .judging import RunContext
    scratch = RunContext(context.adapter, Ledger(context.ledger.clause_index, context.ledger.applicable,
                                                 muted=context.ledger.muted),
                         Watchdog(context.limits, context.progress, context.watchdog.refused), context.limits)
    trial_class = machine.judge.bound(scratch)
    for position in reversed(range(len(walk))):
        trial, trial_lines = walk[:position] + walk[position + 1:], []
        if not trial:
            continue
        try:
            tour.take(trial_class, trial, trial_lines)
        except ClauseViolation as again:
            if again.clause == violation.clause:
                walk, lines, violation = trial, trial_lines, again
        except Exception:  # noqa: BLE001 — a try that goes wrong another way only keeps the step
            pass
    return lines, violation


def _search(context, settings_profile, seed, spec, failures, skip, echoes=()):
    """Rounds of Hypothesis search on each machine; each finds and shrinks one new failing clause, which is then
    muted, until the machine runs clean."""
    from hypothesis import seed as hypothesis_seed
    from hypothesis.errors import Flaky, Unsatisfiable
    from hypothesis.reporting import with_reporter
    from hypothesis.stateful import run_state_machine_as_test
    for machine, machine_class in _machines(context, skip, echoes):
        for search_round in range(1, MAX_ROUNDS + 1):
            if len(failures) >= MAX_ROUNDS:
                break
            context.progress.phase(f"the search of {machine.name}, round {search_round}")
            state_machine = hypothesis_seed(seed)(machine_class)
            reported = []
            try:
                with with_reporter(reported.append):
                    run_state_machine_as_test(state_machine, settings=_scaled(
                        config.SETTINGS_PROFILES[settings_profile], machine.scale(context.adapter), machine))
            except Unsatisfiable:
                break  # every example met a muted violation where it began (judging.opening): nothing to judge
            except Exception as error:
                violation = _violation_in(error)
                if violation is None:
                    if not isinstance(error, Flaky):
                        raise
                    if _record_unreplayable(context.ledger, failures):
                        continue
                    break  # the implementation's timing made the search inconsistent, with nothing new found
                steps = _steps(reported, error, machine_class) or context.progress.steps_where(violation.clause)
                failures.record(violation.clause, Counterexample(
                    violation.message, steps, replay_script(spec, steps, violation.message),
                    note="" if violation is error else _unreplayed(steps)))
                continue
            break


def _unreplayed(steps):
    what = ("the steps show where it was seen" if steps else
            "its steps are recorded only when the implementation runs isolated, without --in-process")
    return f"this failure did not reproduce when replayed: a race or a time-dependent bug; {what}"


def _scaled(base, share, machine=None):
    from hypothesis import Phase, settings
    if machine is not None and machine.steps is not None and machine.steps < base.stateful_step_count:
        base = settings(base, stateful_step_count=machine.steps)
    if machine is not None and not machine.shrink:
        base = settings(base, phases=[p for p in base.phases if p is not Phase.shrink])
    if share >= 1:
        return base
    return settings(base, max_examples=max(10, int(base.max_examples * share)))


def _record_unreplayable(ledger, failures):
    """Hypothesis found a failure but could not replay it (the implementation's timing changed which rules could
    run): record the clauses newly violated, without shrunk steps. Whether there were any."""
    found = [cid for cid in ledger.violations if cid not in failures and cid not in ledger.muted]
    for cid in found:
        failures.record(cid, Counterexample(ledger.violations[cid][0], note="found, but Hypothesis could not replay "
                                                                            "it the same way (a timing-dependent bug)"))
    return bool(found)


@contextlib.contextmanager
def _thread_deaths_silenced():
    """A thread of the implementation may die on purpose (a call raising KeyboardInterrupt in a worker that does not
    catch it) or by a bug the report already names. Its traceback is not printed during the run: it is noise, and
    on Python 3.11 formatting a traceback parses source with `ast` in that thread, which races with `ast` in this
    one (gh-106905) and can raise SystemError here."""
    previous = threading.excepthook
    threading.excepthook = lambda args: None
    try:
        yield
    finally:
        threading.excepthook = previous


@contextlib.contextmanager
def _logging_silenced():
    """Silence logging for the run. Implementations log on purpose when the probes raise; and CPython's Future logs
    while holding its lock, which deadlocks against a handler that formats repr(future) in another thread (the
    CPython note of CF-SRNC-4): with pytest's capturing handlers installed, racing probes could otherwise wedge the
    whole process."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)


NOT_REACHED = "no check of this clause ran in this run"


def _verdict(clause, not_applicable, ledger, deviations, counterexample, stopped, unreached=NOT_REACHED):
    cid = clause.id
    if not_applicable:
        return Verdict(clause, "not-applicable", reason=not_applicable)
    if not clause.checked:
        return Verdict(clause, "untested", reason=clause.untested or f"{clause.level} clauses are not checked")
    checks, violations = ledger.checks[cid], ledger.violations[cid]
    if counterexample is not None:  # found by this run, or (a crash among them) by an earlier child of an isolated run
        return Verdict(clause, "fail", checks, counterexample=counterexample)
    if cid in deviations and violations:
        deviation = deviations[cid]
        return Verdict(clause, "deviation", checks, f"{deviation.reason} {deviation.issue}".strip(),
                       Counterexample(violations[0]))
    if violations and cid not in deviations:
        return Verdict(clause, "fail", checks, counterexample=Counterexample(
            violations[0], note=f"found, but not shrunk: the run stopped after {MAX_ROUNDS} failing clauses"))
    if stopped:  # not a full verdict, however many checks passed
        return Verdict(clause, "untested", checks, f"{stopped}; not reached" if not checks else
                       f"{stopped}; {checks} check(s) passed before that, which is not a full verdict")
    if cid in deviations and deviations[cid].sometimes:
        return Verdict(clause, "untested", checks, f"a declared deviation that shows only under some timings, not "
                                                   f"provoked by this run ({checks} check(s) passed)")
    if cid in deviations and not checks:  # only a run that judged the clause can say the deviation is gone
        return Verdict(clause, "untested", reason="a declared deviation this run never reached: no check of it ran")
    if cid in deviations:
        return Verdict(clause, "fail", checks, "declared as a known deviation, but the run could not reproduce it: "
                                               "remove it from the adapter's deviations")
    if checks:
        return Verdict(clause, "pass", checks)
    return Verdict(clause, "untested", reason=unreached)
