"""The command line: `python -m conformance --adapter SPEC [--profile P] [--seed N] [--json PATH] [--strict]
[--exitfirst] [--in-process]`, and `python -m conformance matrix …` (conformance/matrix/run.py), which runs many
adapters and renders the matrix.

The implementation runs in a child process the command supervises (isolation.py), so that a crash is a verdict;
--in-process runs it here instead, for debugging (a crash then ends the command).

Exit status (a contract scripts rely on): 0 conforming (only declared deviations violated), 1 a clause violated
(a crash of the implementation among them), 2 bad usage or an adapter that cannot be loaded, 3 an internal error of
the suite itself.
"""
import argparse
import os
import sys
import threading
import traceback

from . import checks, clauses, config, isolation, loading, measuring, report, runner
from .adapter import AdapterError

EXIT_USAGE, EXIT_INTERNAL = 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, not a usage dump
        sys.stderr.write(f"futurespec: error: {message} (see --help)\n")
        sys.exit(EXIT_USAGE)


def parser():
    p = _Parser(prog="python -m conformance", allow_abbrev=False,
                description="Check a Future implementation against the futurespec specification and print a "
                "clause-level verdict.", epilog="python -m conformance matrix --help: run many adapters at once and "
                "render the conformance matrix (results/MATRIX.md, results/index.html).")
    p.add_argument("--adapter", help="what to check: reference, stdlib, cf-module:DOTTED.NAME, an entry-point "
                   "name, or module:attribute")
    p.add_argument("--profile", help=f"Hypothesis settings profile: {', '.join(config.SETTINGS_PROFILES)} (default "
                   f"${config.SETTINGS_PROFILE_VARIABLE} or {config.DEFAULT_SETTINGS_PROFILE})")
    p.add_argument("--seed", type=int, help="seed for a reproducible run; each seed explores different examples")
    p.add_argument("--json", metavar="PATH", help="also write the report as JSON to PATH")
    p.add_argument("--strict", action="store_true", help="count unmet SHOULD clauses as failures")
    p.add_argument("-x", "--exitfirst", action="store_true", help="stop at the first clause that fails the run and "
                   "report it, shrunk; the clauses not checked by then are reported untested")
    p.add_argument("--in-process", action="store_true", help="run the implementation in this process instead of a "
                   "supervised child (for debugging: a crash of the implementation then ends the command)")
    p.add_argument("--coverage", action="store_true", help="measure which lines and branches of the implementation's "
                   "modules the run reached and print the unreached ones (needs pip install futurespec[coverage])")
    p.add_argument("--list-clauses", action="store_true", help="print the clause index and exit")
    p.add_argument("--list-adapters", action="store_true", help="print the adapters available by name and exit")
    return p


def list_clauses():
    """One line per clause, then (indented) the checks that judge it."""
    checked_by = checks.checked_by()
    for c in clauses.index().values():
        status = "checked" if c.checked else f"untested: {c.untested or c.level.lower()}"
        needs = f" needs {','.join(sorted(c.needs))}" if c.needs else ""
        print(f"{c.id:<15} {c.level:<22} {c.profile:<4} {c.python:<9} {c.title} [{status}]{needs}")
        for check in checked_by.get(c.id, ()):
            print(f"{'':<15} checked by {check}")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv[:1] == ["matrix"]:  # the subcommand (conformance/matrix/); every other command line is as before
            from .matrix import run as matrix

            return matrix.main(argv[1:])
        return _main(argv)
    except BrokenPipeError:  # `python -m conformance … | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv):
    args = parser().parse_args(argv)
    try:
        if args.list_clauses:
            list_clauses()
            return 0
        if args.list_adapters:
            names = loading.available()
            width = max(map(len, names))
            for name, origin in names.items():
                print(f"{name:<{width}} {origin}")
            return 0
        if not args.adapter:
            raise AdapterError("--adapter is required, e.g. --adapter stdlib (see --list-adapters)")
        settings_profile = config.settings_profile_name(args.profile)
        limits = config.Limits.from_environment()
        config.crash_budget()
        config.lanes_allowed()
        if args.coverage:
            measuring.require()
        adapter = loading.load(args.adapter) if args.in_process else None
    except (AdapterError, ValueError, clauses.SpecError) as error:  # ValueError: a bad FUTURESPEC_* variable
        sys.stderr.write(f"futurespec: error: {error}\n")
        return EXIT_USAGE
    options = dict(settings_profile=settings_profile, seed=args.seed, strict=args.strict, limits=limits,
                   exitfirst=args.exitfirst)
    measurement = measuring.Measurement({}) if args.coverage else None
    if args.json and adapter is None:  # the JSON report names each clause's checks: read them while the child runs
        threading.Thread(target=checks.checked_by, name="futurespec-checks", daemon=True).start()
    try:
        if adapter is None:
            result = isolation.run(args.adapter, measurement=measurement, **options)
        elif measurement is not None:
            with measuring.measured(adapter) as measurement:
                result = runner.run(adapter, spec=args.adapter, **options)
        else:
            result = runner.run(adapter, spec=args.adapter, **options)
    except (AdapterError, clauses.SpecError) as error:
        sys.stderr.write(f"futurespec: error: {error}\n")
        return EXIT_USAGE
    except Exception as error:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("FUTURESPEC_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"futurespec: internal error: {type(error).__name__}: {error} — please report it "
                         "(set FUTURESPEC_DEBUG=1 for the traceback)\n")
        return EXIT_INTERNAL
    print(report.render(result))
    if measurement is not None:
        print(measurement.summary or "COVERAGE: not measured: no child process completed the run")
    if args.json:
        report.write_json(result, args.json)
    return result.exit_status
