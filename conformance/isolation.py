"""Crash isolation: the implementation runs in a child process the suite supervises, so that it never takes the
suite down with it.

In one process, an implementation whose cancel() segfaults, that calls os.abort() or os._exit(), or whose C code
holds the GIL for ever ends the run at once: no report, no clause, not one line. Here each run happens in a child
(supervision.py) that streams what it is doing; when it dies or stops responding, the parent turns the crash into a
`fail` verdict on the clause at stake (the rule is in spec/README.md, "Crashes") with the operation, the steps that
led there, the child's faulthandler dump, the exit status or signal and a replay script, shrunk by replaying
shorter step sequences in fresh children (shrinking.py). Then the run goes on in a new child, which is handed the
verdicts found so far (their clauses muted) and the kinds of call that crashed (not attempted again), until a child
completes the run, or the crash budget is spent and the clauses no child finished checking are reported untested.

On a machine with two cores or more, a run splits in lanes where its profile has them (profiles.Lane): the
first child says so once it has loaded the adapter, a child per lane then runs beside it (each with its own crashes
and restarts, in a thread of this process), and their reports are merged. Not with --exitfirst or a clause to stop
at (which clause is found first would depend on the lanes' timing), nor with --coverage (one child measures).
"""
import collections
import dataclasses
import threading
import time

from . import clauses, config, runner, shrinking
from .adapter import AdapterError, Deviation
from .ledger import Ledger
from .supervision import Child


def run(spec, settings_profile=None, seed=None, strict=False, limits=None, skip=(), exitfirst=False,
        measurement=None, stop_at=()):
    """runner.run() for the adapter SPEC, in supervised child processes; the same Report, crash verdicts among its
    failures. With a `measurement` (measuring.py), each child measures coverage and the last one's summary is kept.
    `stop_at` stops at the first failure, crash or not, of a clause it names (the zoo's crashing modules: without it,
    each of their other crashes was shrunk and the run taken on to its end, some twenty children)."""
    started = time.monotonic()
    settings_profile = config.settings_profile_name(settings_profile)
    limits = limits or config.Limits.from_environment()
    job = dict(mode="run", spec=spec, settings_profile=settings_profile,
               seed=runner.seed_for(settings_profile, seed),  # one seed for every child
               strict=strict, limits=dataclasses.asdict(limits), skip=list(skip), exitfirst=exitfirst,
               stop_at=sorted(stop_at), coverage=measurement is not None)
    if exitfirst or stop_at or measurement is not None or not config.lanes_allowed():
        report = _lane(job, None, limits, measurement)
    else:
        report = _Lanes(job, limits).run()
    report.seconds = time.monotonic() - started
    return report


class _Lanes:
    """A run split in lanes: the first in the calling thread, the others in threads of their own, started when the
    first lane's child says how many there are. Whatever goes wrong in one lane (an error, Ctrl-C) ends them all."""

    def __init__(self, job, limits):
        self.job, self.limits = job, limits
        self.halt = threading.Event()
        self.children = {}  # lane -> its child running now
        self.threads, self.reports, self.errors = [], {}, []

    def run(self):
        try:
            self.reports[0] = _lane(self.job, 0, self.limits, lanes=self)
            for thread in self.threads:
                thread.join()
        except BaseException:  # Ctrl-C too
            self.stop()
            for thread in self.threads:
                thread.join()
            raise
        if self.errors:
            raise self.errors[0]
        return merged([self.reports[lane] for lane in sorted(self.reports)])

    def announced(self, count):
        """The first lane's child found `count` lanes besides its own (said again by a child that replaces it)."""
        if not self.threads:
            self.threads = [threading.Thread(target=self._other, args=(lane,), name=f"futurespec-lane-{lane}",
                                             daemon=True) for lane in range(1, count + 1)]
            for thread in self.threads:
                thread.start()

    def _other(self, lane):
        try:
            self.reports[lane] = _lane(self.job, lane, self.limits, lanes=self)
        except BaseException as error:  # raised in the calling thread, once every lane has stopped
            self.errors.append(error)
            self.stop()

    def stop(self):
        self.halt.set()
        for child in list(self.children.values()):
            child.stop()

    def child(self, lane, job):
        """The next child of a lane, or None once the run is halted."""
        child = Child(job, self.limits, on_lanes=self.announced if lane == 0 else None)
        self.children[lane] = child
        return None if self.halt.is_set() else child


def _lane(job, lane, limits, measurement=None, lanes=None):
    """The children of one lane (`lane` None: of a run not split in lanes), one after another while the implementation
    crashes them; the report of the one that completes the run (or of what they did, once stopped early). None if
    `lanes` halted the run."""
    started = time.monotonic()
    budget = config.crash_budget()
    found, refused, crashes = {}, set(), 0
    checks, violated = {}, {}
    while True:
        child_job = dict(job, lane=lane, found={cid: dataclasses.asdict(ce) for cid, ce in found.items()},
                         refused=sorted(refused))
        child = Child(child_job, limits) if lanes is None else lanes.child(lane, child_job)
        if child is None:
            return None
        outcome = child.run()
        if lanes is not None and lanes.halt.is_set():
            return None
        if measurement is not None and outcome.coverage:
            lost = f"\n  (measured in the child that completed the run: what the {crashes} children that crashed " \
                "reached is not counted, the lines of the crashing calls among it)"
            measurement.summary = outcome.coverage + (lost if crashes else "")
        if outcome.report is not None:
            return outcome.report
        crash, crashed_with = outcome.crash, {"muted": sorted({*found, *outcome.found}), "refused": sorted(refused)}
        found.update(outcome.found)
        for cid, n in outcome.checks.items():  # children re-run what came before: keep the furthest each got
            checks[cid] = max(checks.get(cid, 0), n)
        violated.update(outcome.violated)
        crashes += 1
        clause = crash.clause
        if clause is None:
            raise AdapterError(f"the adapter {job['spec']!r} ended the process before the suite could call it: it "
                               f"{crash.how}")
        refused.add(clause)
        if crash.call:
            refused.add(crash.call[1])  # the kind in progress, when it is not the clause blamed (a clean-up call)
        if clause not in found:  # else the same crash again, in a clean-up call
            found[clause] = shrinking.counterexample(job["spec"], crash, crashed_with, limits)
        stopped = ""
        if job["exitfirst"] and runner.fails_run(clauses.index()[clause], job["strict"]):
            stopped = runner.Stopped.at(clause)
        elif clause in job["stop_at"]:
            stopped = runner.Stopped.found(clause)
        elif crashes >= budget:
            stopped = f"the implementation crashed the process {crashes} times (FUTURESPEC_CRASH_BUDGET)"
        if stopped:
            return _unfinished(outcome.plan, found, checks, violated, stopped, job["settings_profile"], job["seed"],
                               job["strict"], time.monotonic() - started)


def merged(reports):
    """One report of the lanes' reports (the first lane's first): a clause fails if it failed in a lane (with the
    first lane's counterexample if several), its checks are the lanes' sum, a declared deviation has reproduced if it
    did in a lane; a lane stopped early (its crash budget spent) leaves the run stopped."""
    if len(reports) == 1:
        return reports[0]
    first = reports[0]
    not_applicable = {cid: v.reason if v.verdict == "not-applicable" else None for cid, v in first.verdicts.items()}
    checks, violated, found = collections.Counter(), {}, {}
    for report in reports:
        for cid, verdict in report.verdicts.items():
            checks[cid] += verdict.checks
            if verdict.verdict == "fail" and verdict.counterexample is not None:
                found.setdefault(cid, verdict.counterexample)
            elif verdict.verdict == "deviation":
                violated.setdefault(cid, verdict.counterexample.message)
    stopped = next((report.stopped for report in reports if report.stopped), "")
    verdicts = _verdicts(first.adapter, not_applicable, checks, violated, found, stopped)
    for cid, verdict in verdicts.items():  # a lane's own account of why it reached no check (its crashes) is kept
        if verdict.reason == runner.NOT_REACHED:
            verdict.reason = next((r.verdicts[cid].reason for r in reports
                                   if r.verdicts[cid].reason.startswith(runner.NOT_REACHED)), verdict.reason)
    adapter = {key: value for report in reversed(reports) for key, value in report.adapter.items()}
    return runner.Report(adapter, first.python, first.settings_profile, first.seed, first.strict, verdicts,
                         max(report.seconds for report in reports), stopped)


def _unfinished(plan, found, checks, violated, stopped, settings_profile, seed, strict, seconds):
    """The report of a run no child finished: what the children found, and untested for what they did not finish."""
    verdicts = _verdicts(plan["adapter"], plan["not_applicable"], checks, violated, found, stopped)
    return runner.Report(plan["adapter"], runner.python_version(), settings_profile, seed, strict, verdicts, seconds,
                         stopped)


def _verdicts(adapter, not_applicable, checks, violated, found, stopped):
    """Every clause's verdict from what children told (`adapter` as described, checks and first violations by clause,
    counterexamples found), as runner.run gives them from its ledger."""
    index = clauses.index()
    ledger = Ledger(index, [cid for cid, c in index.items() if c.checked and not not_applicable[cid]])
    ledger.checks.update(checks)
    for cid, message in violated.items():
        ledger.violations[cid].append(message)
    deviations = {cid: Deviation(**d) for cid, d in adapter.get("deviations", {}).items()}
    return runner.verdicts_of(index, not_applicable, ledger, deviations, found, stopped)
