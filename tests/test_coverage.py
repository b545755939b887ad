"""The conformance run covers every branch of the reference: an uncovered branch is a missing check or dead code."""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_suite_covers_every_branch_of_the_references(tmp_path):
    env = {**os.environ, "COVERAGE_FILE": str(tmp_path / ".coverage")}
    include = str(ROOT / "reference" / "*")
    for adapter in ("reference", "reference-asyncio", "reference-bridge"):
        # in-process: coverage measures this process only, not an isolated run's child
        subprocess.run([sys.executable, "-m", "coverage", "run", "--append", "--branch", f"--include={include}",
                        "-m", "conformance", "--adapter", adapter, "--profile", "ci", "--in-process"], cwd=ROOT,
                       env=env, check=True, capture_output=True, timeout=600)
    report = subprocess.run([sys.executable, "-m", "coverage", "report", "-m", "--fail-under=100"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert report.returncode == 0, report.stdout
