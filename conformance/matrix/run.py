"""`python -m conformance matrix`: run a set of adapters in parallel subprocesses, keep one result file per run under
results/, and render the matrix from every result file there.

Each run is `python -m conformance --adapter SPEC --json …` in its own process (and session, so a run that outlives
--timeout is killed with whatever pool workers it started): runs cannot disturb each other, and each result is
exactly what that command reports. By default the set is every built-in adapter whose library is installed on this
interpreter; the others are named, with the reason, and skipped.

Exit status: 0 every run left its result file (whatever its verdicts: those are the matrix's data), 1 some run
did not (crashed, timed out, or the suite failed), 2 bad usage — one line says what is wrong.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout  # not the builtin before Python 3.11
from pathlib import Path

from .. import clauses, config, loading
from ..adapter import AdapterError
from . import render, results

EXIT_INCOMPLETE, EXIT_USAGE = 1, 2
DEFAULT_TIMEOUT = 1800.0  # seconds for one run; a process pool on the ci profile takes a few minutes
KILL_WAIT = 30.0  # seconds a killed run may take to be reaped
LEFT_OUT = {  # built-ins not run by default, and why; naming one in --adapters runs it
    "stdlib-process-fork": (
        (3, 12), "the fork start method is left out of default runs from Python 3.12 (a multi-threaded parent can "
                 "deadlock a forked worker; see tox.ini)"),
    "gevent-thread": (
        (3,), "not reliable yet: some of its verdicts depend on the seed and on timing, and one is the suite's (see "
              "conformance/adapters/gevent_adapter.py)"),
}
SHORT = {"not-applicable": "n/a"}
_SRC = str(Path(__file__).resolve().parent.parent.parent)  # what `import conformance` must find in the children


class UsageError(Exception):
    """Bad usage: one line for the user."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{message} (see python -m conformance matrix --help)")


def parser():
    p = _Parser(prog="python -m conformance matrix", description="Run adapters in parallel, write one result file "
                "per implementation, version and Python version, and render results/MATRIX.md and results/index.html "
                "from every result file in the folder.")
    p.add_argument("--adapters", metavar="A,B,…", help="adapters to run (default: every built-in adapter whose "
                   "library is installed; see python -m conformance --list-adapters)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs at once (default: the CPU count)")
    p.add_argument("--profile", help=f"Hypothesis settings profile: {', '.join(config.SETTINGS_PROFILES)} (default "
                   f"${config.SETTINGS_PROFILE_VARIABLE} or {config.DEFAULT_SETTINGS_PROFILE})")
    p.add_argument("--seed", type=int, help="seed of every run (default: the profile's; each file records it)")
    p.add_argument("--out", default="results", help="the results folder (default: results)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds one run may take before it is "
                   f"killed (default {DEFAULT_TIMEOUT:.0f})")
    p.add_argument("--render-only", action="store_true", help="run nothing: render the folder's result files")
    return p


def choose(requested):
    """(the adapter SPECs to run, [(name, why it is skipped)]). A named adapter that cannot load is a usage error;
    a default one is skipped, and said so."""
    if requested is not None:
        specs = [s.strip() for s in requested.split(",") if s.strip()]
        if not specs:
            raise UsageError("--adapters names no adapter")
        for spec in specs:
            try:
                loading.load(spec)
            except AdapterError as error:
                raise UsageError(f"cannot run adapter {spec!r}: {error}") from None
        return list(dict.fromkeys(specs)), []
    chosen, skipped = [], []
    for name in loading.BUILTINS:
        since, why = LEFT_OUT.get(name, (None, None))
        if since and sys.version_info >= since:
            skipped.append((name, why))
            continue
        try:
            loading.load(name)
        except Exception as error:  # a missing library (AdapterError), or a backend that fails to import at all
            why = str(error) if isinstance(error, AdapterError) else f"{type(error).__name__}: {error}"
            skipped.append((name, why))
            continue
        chosen.append(name)
    return chosen, skipped


class Runs:
    """The runs of one matrix command: started with bounded waits, printed as they start and end, killed on exit."""

    def __init__(self, out, settings_profile, seed, timeout, scratch):
        self.out, self.settings_profile, self.seed, self.timeout = out, settings_profile, seed, timeout
        self.scratch = scratch
        self.lock = threading.Lock()
        self.running = {}  # spec -> Popen
        self.width = 0

    def say(self, line):
        with self.lock:
            print(line, flush=True)

    def command(self, spec, json_path):
        command = [sys.executable, "-m", "conformance", "--adapter", spec, "--json", str(json_path),
                   "--profile", self.settings_profile]
        return command + (["--seed", str(self.seed)] if self.seed is not None else [])

    def run(self, spec, n):
        """Run one adapter; return the result file's path, or None (the reason is printed)."""
        started = time.monotonic()
        try:
            return self._run(spec, n, started)
        except (OSError, ValueError, KeyError, TypeError) as error:  # cannot start it, or its report is unreadable
            self.say(f"  ERROR  {spec:<{self.width}} {time.monotonic() - started:6.1f} s  "
                     f"{type(error).__name__}: {error}")
            return None

    def _run(self, spec, n, started):
        json_path = Path(self.scratch) / f"{n}.json"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_SRC, os.environ.get("PYTHONPATH")]))}
        self.say(f"  start  {spec}")
        process = subprocess.Popen(self.command(spec, json_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, text=True, env=env, start_new_session=True)
        with self.lock:
            self.running[spec] = process
        try:
            _, stderr = process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.kill(process)
            stderr = f"killed after --timeout {self.timeout:g} s"
        finally:
            with self.lock:
                self.running.pop(spec, None)
        seconds = time.monotonic() - started
        if process.returncode not in (0, 1) or not json_path.is_file():
            last = (stderr or "").strip().splitlines()[-1:] or [f"exit status {process.returncode}, no report"]
            self.say(f"  ERROR  {spec:<{self.width}} {seconds:6.1f} s  {last[0]}")
            return None
        data = json.loads(json_path.read_text(encoding="utf-8"))
        path = self.out / results.relative_path(data)
        results.write(path, results.normalized(data, spec, path.parent))
        counts = " · ".join(f"{count} {SHORT.get(v, v)}" for v, count in data["summary"].items())
        self.say(f"  done   {spec:<{self.width}} {seconds:6.1f} s  {counts}  -> {path}")
        return path

    def kill(self, process):
        """End the run's whole session (its pool workers too), then reap it, within bounds."""
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.communicate(timeout=KILL_WAIT)
        except subprocess.TimeoutExpired:
            pass

    def kill_all(self):
        with self.lock:
            running = list(self.running.values())
        for process in running:
            self.kill(process)


def main(argv):
    try:
        args = parser().parse_args(argv)
        if args.jobs < 1:
            raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
        if args.timeout <= 0:
            raise UsageError(f"--timeout must be positive, not {args.timeout:g}")
        settings_profile = config.settings_profile_name(args.profile)
        out = Path(args.out)
        if out.exists() and not out.is_dir():
            raise UsageError(f"--out {args.out}: not a folder")
        specs, skipped = ([], []) if args.render_only else choose(args.adapters)
    except (UsageError, ValueError, clauses.SpecError) as error:
        sys.stderr.write(f"futurespec: error: {error}\n")
        return EXIT_USAGE
    incomplete = []
    if specs:
        python = "%d.%d.%d" % sys.version_info[:3]
        print(f"futurespec matrix: {len(specs)} adapter(s) on Python {python}, settings profile {settings_profile}, "
              f"seed {args.seed if args.seed is not None else 'chosen per run'}, {args.jobs} at a time -> {out}/",
              flush=True)
        for name, why in skipped:
            print(f"  skip   {name}: {why}", flush=True)
        try:
            incomplete = _run_all(specs, out, settings_profile, args)
        except KeyboardInterrupt:
            sys.stderr.write("futurespec: interrupted; the runs were stopped\n")
            return 130
        except (TimeoutError, FutureTimeout):  # cannot happen while every run keeps its bound; if it does, stop
            sys.stderr.write("futurespec: error: the runs overran their time bounds and were stopped\n")
            return EXIT_INCOMPLETE
    try:
        written, count = render.write_all(out)
    except (results.ResultError, OSError) as error:
        sys.stderr.write(f"futurespec: error: {error}\n")
        return EXIT_USAGE
    print(f"rendered {' and '.join(str(p) for p in written)} from {count} result file(s)")
    if incomplete:
        print(f"INCOMPLETE: no result from {', '.join(incomplete)}")
        return EXIT_INCOMPLETE
    return 0


def _run_all(specs, out, settings_profile, args):
    """Run every spec, `args.jobs` at a time; return the specs that left no result."""
    with tempfile.TemporaryDirectory(prefix="futurespec-matrix-") as scratch:
        runs = Runs(out, settings_profile, args.seed, args.timeout, scratch)
        runs.width = max(map(len, specs))
        pool = ThreadPoolExecutor(max_workers=min(args.jobs, len(specs)))
        futures = {spec: pool.submit(runs.run, spec, n) for n, spec in enumerate(specs)}
        rounds = -(-len(specs) // args.jobs)  # each run is bounded by --timeout, and its kill by KILL_WAIT
        deadline = time.monotonic() + rounds * (args.timeout + KILL_WAIT + 10)
        try:
            done = {spec: future.result(timeout=max(0, deadline - time.monotonic()))
                    for spec, future in futures.items()}
        except (KeyboardInterrupt, TimeoutError, FutureTimeout):
            for future in futures.values():
                future.cancel()
            runs.kill_all()
            pool.shutdown(wait=True)
            raise
        pool.shutdown(wait=True)
    return [spec for spec, path in done.items() if path is None]
