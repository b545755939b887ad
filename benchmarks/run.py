"""Run every benchmark and write benchmarks/results.md and benchmarks/results.json, with the machine they ran on.

    python benchmarks/run.py [--quick] [--only NAME,…]

The benchmarks report; they assert nothing. `--quick` runs fewer adapters, one seed and a sample of the zoo, and the
throughput benchmark with the `dev` settings instead of `ci`."""
import argparse
import datetime
import json
import os
import pathlib
import platform
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `python benchmarks/run.py` from a checkout: this copy of the suite

from benchmarks import bug_finding, cost, isolation_overhead, parallel, races, report, throughput  # noqa: E402

BENCHMARKS = ("throughput", "cost", "bug_finding", "isolation_overhead", "parallel", "races")


def machine():
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "implementation":
            platform.python_implementation(), "platform": platform.platform(), "processor": platform.machine(),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python benchmarks/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer adapters, one seed, a sample of the zoo")
    parser.add_argument("--only", help=f"a comma-separated subset of {', '.join(BENCHMARKS)}; it replaces those "
                                       "sections of the latest results and keeps the others")
    parser.add_argument("--note", default="", help="a note on the machine, printed with the results")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else BENCHMARKS
    quick = args.quick
    runs = {
        "throughput": lambda: throughput.run(quick, "dev" if quick else "ci"),
        "cost": lambda: cost.run(quick),
        "bug_finding": lambda: bug_finding.run(quick, "ci"),
        "isolation_overhead": lambda: isolation_overhead.run(quick, "dev" if quick else "ci"),
        "parallel": lambda: parallel.run(quick),
        "races": lambda: races.run(quick),
    }
    results = {"machine": {**machine(), "note": args.note}, "quick": quick}
    if args.only and (HERE / "results.json").exists():  # a subset updates its sections of the latest results
        results = {**json.loads((HERE / "results.json").read_text()), **results}
    for name in chosen:
        print(f"benchmark {name} …", file=sys.stderr, flush=True)
        results[name] = runs[name]()
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "results.md").write_text(report.markdown(results))
    print(report.markdown(results))


if __name__ == "__main__":
    main()
    # Some benchmarks run implementations in this process (throughput, the cost per chapter), and what they leave
    # behind may never end: a process pool left with a call blocked on purpose kept the interpreter's exit waiting
    # for its manager thread for ever, after every result was written. Leave as the suite's child does (_child.py).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
