"""Parallel runs: what running two at once buys on this machine, as ratios of wall times (serial / parallel).

Two workloads: a slice of the project's own tests (`pytest -n 0` against `-n 2`: the zoo of one chapter, the
stability runs of two adapters) and the matrix of a few adapters (`python -m conformance matrix --jobs 1` against
`--jobs 2`). On 2 cores a ratio near 2 means the work is CPU-bound and spreads well; near 1, it waits on something
else (hangs a faulty implementation forces, child start-up)."""
import os
import subprocess
import sys
import tempfile
import time

from .common import ROOT

TESTS = ["tests/test_faulty.py", "-k", "aio or bridge", "tests/test_stability.py", "-k",
         "pass_under_every_seed and (reference-0 or asyncio-0)"]
TESTS_QUICK = ["tests/test_faulty.py", "-k", "bridge"]
ADAPTERS = "reference,reference-asyncio,asyncio,asyncio-task"
ADAPTERS_QUICK = "reference,asyncio"


def _timed(args, timeout=1800):
    wall = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    return {"wall": time.perf_counter() - wall, "exit_status": done.returncode}


def _pair(name, serial, parallel):
    one, two = _timed(serial), _timed(parallel)
    return {"workload": name, "serial": one["wall"], "parallel": two["wall"], "ratio": one["wall"] / two["wall"],
            "exit_statuses": [one["exit_status"], two["exit_status"]]}


def run(quick):
    tests = TESTS_QUICK if quick else TESTS
    adapters = ADAPTERS_QUICK if quick else ADAPTERS
    pytest = ["-m", "pytest", "-q", "-p", "no:cacheprovider"]
    results = [_pair(f"pytest {' '.join(tests)}", [*pytest, "-n", "0", *tests], [*pytest, "-n", "2", *tests])]
    with tempfile.TemporaryDirectory() as out:
        matrix = ["-m", "conformance", "matrix", "--adapters", adapters, "--profile", "dev", "--seed", "0",
                  "--out", out]
        results.append(_pair(f"matrix of {adapters}", [*matrix, "--jobs", "1"], [*matrix, "--jobs", "2"]))
    return {"cpus": os.cpu_count(), "workloads": results}
