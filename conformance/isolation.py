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
"""
import dataclasses
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
    seed = runner.seed_for(settings_profile, seed)  # one seed for every child
    limits = limits or config.Limits.from_environment()
    budget = config.crash_budget()
    found, refused, crashes = {}, set(), 0
    checks, violated = {}, {}
    while True:
        job = dict(mode="run", spec=spec, settings_profile=settings_profile, seed=seed, strict=strict,
                   limits=dataclasses.asdict(limits), skip=list(skip), exitfirst=exitfirst, stop_at=sorted(stop_at),
                   found={cid: dataclasses.asdict(ce) for cid, ce in found.items()}, refused=sorted(refused),
                   coverage=measurement is not None)
        outcome = Child(job, limits).run()
        if measurement is not None and outcome.coverage:
            lost = f"\n  (measured in the child that completed the run: what the {crashes} children that crashed " \
                "reached is not counted, the lines of the crashing calls among it)"
            measurement.summary = outcome.coverage + (lost if crashes else "")
        if outcome.report is not None:
            outcome.report.seconds = time.monotonic() - started
            return outcome.report
        crash, crashed_with = outcome.crash, {"muted": sorted({*found, *outcome.found}), "refused": sorted(refused)}
        found.update(outcome.found)
        for cid, n in outcome.checks.items():  # children re-run what came before: keep the furthest each got
            checks[cid] = max(checks.get(cid, 0), n)
        violated.update(outcome.violated)
        crashes += 1
        clause = crash.clause
        if clause is None:
            raise AdapterError(f"the adapter {spec!r} ended the process before the suite could call it: it {crash.how}")
        refused.add(clause)
        if crash.call:
            refused.add(crash.call[1])  # the kind in progress, when it is not the clause blamed (a clean-up call)
        if clause not in found:  # else the same crash again, in a clean-up call
            found[clause] = shrinking.counterexample(spec, crash, crashed_with, limits)
        stopped = ""
        if exitfirst and runner.fails_run(clauses.index()[clause], strict):
            stopped = runner.Stopped.at(clause)
        elif clause in stop_at:
            stopped = runner.Stopped.found(clause)
        elif crashes >= budget:
            stopped = f"the implementation crashed the process {crashes} times (FUTURESPEC_CRASH_BUDGET)"
        if stopped:
            return _unfinished(outcome.plan, found, checks, violated, stopped, settings_profile, seed, strict,
                               time.monotonic() - started)


def _unfinished(plan, found, checks, violated, stopped, settings_profile, seed, strict, seconds):
    """The report of a run no child finished: what the children found, and untested for what they did not finish."""
    index = clauses.index()
    not_applicable = plan["not_applicable"]
    ledger = Ledger(index, [cid for cid, c in index.items() if c.checked and not not_applicable[cid]])
    ledger.checks.update(checks)
    for cid, message in violated.items():
        ledger.violations[cid].append(message)
    deviations = {cid: Deviation(**d) for cid, d in plan["adapter"].get("deviations", {}).items()}
    verdicts = runner.verdicts_of(index, not_applicable, ledger, deviations, found, stopped)
    return runner.Report(plan["adapter"], runner.python_version(), settings_profile, seed, strict, verdicts, seconds,
                         stopped)
