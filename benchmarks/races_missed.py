"""Which race-only faulty implementations (tests/faulty/races/) today's free-running suite catches: each module run
as `python -m conformance --adapter cf-module:tests.faulty.races.NAME --profile ci --seed S` for a few seeds, and
whether the run failed, for which clauses, and whether one of them is a clause the module VIOLATES.

The point of issue 10 is that these are missed: a module caught here has too wide a window (narrow it), or a bug
that also shows without a race. The script reports; it asserts nothing, and tests/test_faulty.py does not run it
(one ci run takes about a minute, far too long for the tests).

    python benchmarks/races_missed.py [--seeds 0,1,2] [--jobs 2] [--only NAME,…]

writes benchmarks/races_missed.md and races_missed.json and prints the table."""
import argparse
import concurrent.futures
import importlib
import json
import os
import pathlib
import pkgutil
import platform
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `python benchmarks/races_missed.py` from a checkout: this copy of the suite

from benchmarks.common import command  # noqa: E402
from tests.faulty import races  # noqa: E402


def modules():
    """[(name, adapter SPEC, the clauses it violates)] of tests/faulty/races/, in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(races.__path__), key=lambda i: i.name):
        dotted = f"{races.__name__}.{info.name}"
        found.append((info.name, races.ADAPTER.format(module=dotted),
                      sorted(importlib.import_module(dotted).VIOLATES)))
    return found


def _one(spec, seed, violates):
    measured = command("--adapter", spec, "--profile", "ci", "--seed", str(seed))
    clauses = measured["report"]["clauses"] if measured["report"] else {}
    failed = sorted(cid for cid, c in clauses.items() if c["verdict"] == "fail")
    return {"seed": seed, "exit_status": measured["exit_status"], "failed": failed,
            "caught": bool(set(failed) & set(violates)), "wall": round(measured["wall"], 1)}


def run(seeds, jobs, only=None):
    chosen = [m for m in modules() if not only or m[0] in only]
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        runs = {(name, seed): pool.submit(_one, spec, seed, violates)
                for name, spec, violates in chosen for seed in seeds}
        return [{"module": name, "violates": violates, "runs": [runs[name, seed].result() for seed in seeds]}
                for name, _, violates in chosen]


def markdown(rows, seeds, jobs):
    lines = [f"# Race-only faulty implementations against today's suite (`--profile ci`, seeds {seeds})", "",
             "| module | violates | caught (seeds) | other failing clauses (seeds) |", "|---|---|---|---|"]
    for row in rows:
        caught = [str(r["seed"]) for r in row["runs"] if r["caught"]]
        other = sorted({f"{cid} ({r['seed']})" for r in row["runs"] for cid in r["failed"]
                        if cid not in row["violates"]})
        lines.append(f"| {row['module']} | {', '.join(row['violates'])} | "
                     f"{', '.join(caught) or 'missed'} | {', '.join(other) or '—'} |")
    missed = sum(not any(r["caught"] for r in row["runs"]) for row in rows)
    walls = [r["wall"] for row in rows for r in row["runs"]]
    lines += ["", f"{missed} of {len(rows)} missed on every seed. CPython {platform.python_version()}, "
              f"{os.cpu_count()} cores, {jobs} runs at a time, {min(walls)}–{max(walls)} s each."]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python benchmarks/races_missed.py", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated seeds (default 0,1,2)")
    parser.add_argument("--jobs", type=int, default=2, help="runs at once (default 2)")
    parser.add_argument("--only", help="a comma-separated subset of the modules")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    rows = run(seeds, args.jobs, args.only.split(",") if args.only else None)
    results = {"seeds": seeds, "jobs": args.jobs, "modules": rows}
    (HERE / "races_missed.json").write_text(json.dumps(results, indent=2) + "\n")
    text = markdown(rows, seeds, args.jobs)
    (HERE / "races_missed.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
