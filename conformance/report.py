"""Render a run's verdicts: a terminal report for people, a JSON document for tools (results tables, CI), which
from_json() reads back (the child of an isolated run sends its report to the parent that way)."""
import dataclasses
import json
import textwrap

from . import __version__, checks, clauses, runner

VERDICT_ORDER = ("fail", "deviation", "pass", "not-applicable", "untested")
_MARK = {"pass": "pass", "fail": "FAIL", "deviation": "dev ", "not-applicable": "n/a ", "untested": "----"}


def to_json(report, checked_by=True):
    """The report as JSON data. Without `checked_by`, each clause's checks are left out: reading them from the
    suite's source takes a third of a second (checks.py), which an isolated run's child, sending its report to the
    parent, would add to every run's time to its verdict."""
    import importlib.metadata  # here: the supervising parent imports this module at its start, and rarely needs it
    clauses = {}
    places = checks.checked_by() if checked_by else {}
    for cid, v in report.verdicts.items():
        entry = {"verdict": v.verdict, "level": v.clause.level, "profile": v.clause.profile,
                 "title": v.clause.title, "url": v.clause.url, "checks": v.checks}
        if checked_by:
            entry["checked_by"] = list(places.get(cid, ()))
        if v.reason:
            entry["reason"] = v.reason
        if v.counterexample:
            entry["counterexample"] = dataclasses.asdict(v.counterexample)
            entry["text"] = v.clause.text
        clauses[cid] = entry
    return {
        "futurespec": __version__,
        "hypothesis": importlib.metadata.version("hypothesis"),  # not imported by the supervising parent
        "adapter": report.adapter,
        "python": report.python,
        "settings_profile": report.settings_profile,
        "seed": report.seed,
        "strict": report.strict,
        "seconds": round(report.seconds, 3),
        "stopped": report.stopped,
        "summary": _counts(report),
        "exit_status": report.exit_status,
        "clauses": clauses,
    }


def from_json(data):
    """The Report that to_json() wrote."""
    index = clauses.index()
    verdicts = {cid: runner.Verdict(index[cid], entry["verdict"], entry["checks"], entry.get("reason", ""),
                                    runner.Counterexample(**entry["counterexample"]) if "counterexample" in entry
                                    else None)
                for cid, entry in data["clauses"].items()}
    return runner.Report(data["adapter"], data["python"], data["settings_profile"], data["seed"], data["strict"],
                         verdicts, data["seconds"], data["stopped"])


def write_json(report, path):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(to_json(report), out, indent=2, ensure_ascii=False)
        out.write("\n")


def _counts(report):
    counts = dict.fromkeys(VERDICT_ORDER, 0)
    for v in report.verdicts.values():
        counts[v.verdict] += 1
    return counts


def render(report):
    """The terminal report: header, each failure in full, one line per clause, then the overall result."""
    adapter = report.adapter
    lines = [f"futurespec {__version__}: adapter {adapter['name']} (profile {adapter['profile']}) on Python "
             f"{report.python}; settings profile {report.settings_profile}, seed {report.seed}; {report.seconds:.1f} s"]
    lines += [f"  note: {note}" for note in adapter.get("notes", ())]
    if report.stopped:
        lines.append(f"  STOPPED EARLY: {report.stopped}; the clauses it did not finish checking are untested")
    for v in report.verdicts.values():
        if v.verdict == "fail":
            lines += [""] + _failure(v)
    lines += ["", "Clauses:"]
    shown = [v for v in report.verdicts.values() if v.clause.profile in ("core", adapter["profile"])]
    for verdict in VERDICT_ORDER:
        for v in shown:
            if v.verdict == verdict:
                reason = f"  ({v.reason})" if v.reason and verdict != "fail" else ""
                lines.append(f"  {_MARK[verdict]}  {v.clause.id:<15} {v.clause.level:<6} {v.clause.title}{reason}")
    if len(shown) < len(report.verdicts):
        lines.append(f"  n/a   {len(report.verdicts) - len(shown)} clauses of other profiles")
    counts = _counts(report)
    lines += ["", " · ".join(f"{n} {verdict}" for verdict, n in counts.items())]
    if report.failed:
        ids = ", ".join(v.clause.id for v in report.failed)
        lines.append(f"RESULT: NOT CONFORMING: {len(report.failed)} clause(s) violated: {ids}")
    else:
        advisory = [v.clause.id for v in report.verdicts.values() if v.verdict == "fail"]
        suffix = f" (SHOULD clauses not met: {', '.join(advisory)}; --strict makes them count)" if advisory else ""
        lines.append(f"RESULT: CONFORMING{suffix}")
    if report.verdicts and report.failed:
        lines.append(f"Reproduce the run with: --seed {report.seed} --profile {report.settings_profile}")
    return "\n".join(lines)


def _paragraph(label, text):
    """The message's first line wrapped; the lines after it (a race's one-column-per-thread table, a schedule) as
    they are, for rewrapping them would scramble their columns."""
    first, *rest = text.split("\n")
    return textwrap.wrap(first, 110, initial_indent=f"  {label}: ", subsequent_indent="    ") + \
        ["    " + line for line in rest]


def _failure(v):
    c = v.clause
    out = [f"FAIL {c.id} [{c.level}] {c.title}", f"  spec: {c.location}"]
    if v.reason:
        out.append(f"  {v.reason}")
    ce = v.counterexample
    if ce:
        out += _paragraph("violation", ce.message)
        if ce.note:
            out += _paragraph("note", ce.note)
        if ce.crash:
            out += ["  the child's threads when it died (faulthandler):"]
            out += ["    " + line for line in ce.crash.splitlines() if line.strip()]
        if ce.replay:
            out += ["  minimal counterexample, replayable as a Python script:"]
            out += ["    " + line for line in ce.replay.splitlines()]
    out += ["  the clause says:"] + ["    " + line for line in c.text.splitlines() if line.strip()]
    return out
