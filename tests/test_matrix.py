"""`python -m conformance matrix`: one result file per run with what reproduces it, progress as runs start and end,
adapters that cannot run here named and skipped, one-line usage errors, bounded runs, and the implementation's
version in every report."""
import json
import os
import pathlib
import platform
import subprocess
import sys

import pytest

import conformance
from conformance import loading
from conformance.adapter import AdapterError, AsyncioAdapter
from conformance.matrix import render, results
from conformance.matrix import run as matrix_run

ROOT = pathlib.Path(__file__).resolve().parent.parent
MINOR = "%d.%d" % sys.version_info[:2]


def matrix(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "conformance", "matrix", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_one_result_file_per_run_and_the_pages(tmp_path):
    run = matrix("--adapters", "asyncio-py,reference-asyncio", "--profile", "dev", "--seed", "0", "--jobs", "2",
                 "--out", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    for name in ("asyncio-py", "reference-asyncio"):
        assert any(line.split()[:2] == ["start", name] for line in lines)
        done = next(line for line in lines if line.split()[:2] == ["done", name])
        assert " pass" in done and " s " in done
    stdlib = json.loads((tmp_path / f"py{MINOR}" / "asyncio-py.json").read_text())
    reference = json.loads((tmp_path / f"py{MINOR}" / f"reference-asyncio-{conformance.__version__}.json").read_text())
    assert stdlib["adapter"]["version"] == platform.python_version()
    assert reference["adapter"]["version"] == conformance.__version__
    for data in (stdlib, reference):
        assert (data["seed"], data["settings_profile"], data["futurespec"]) == (0, "dev", conformance.__version__)
        assert data["spec"] == data["adapter"]["name"] and data["clauses"]["AIO-SET-1"]["verdict"] == "pass"
    assert stdlib["clauses"]["AIO-SET-6"]["verdict"] == "deviation"
    assert (tmp_path / "MATRIX.md").is_file() and (tmp_path / "index.html").is_file()
    assert "rendered" in lines[-1] and "from 2 result file(s)" in lines[-1]


def test_an_adapter_whose_library_is_missing_is_named_and_skipped(monkeypatch, capsys, tmp_path):
    class NeedsALibrary(AsyncioAdapter):  # as uvloop's adapters do
        def __init__(self):
            raise AdapterError("the lib adapter needs lib: pip install lib")

    class Fine(AsyncioAdapter):
        name = "fine"

        def new_future(self, loop):
            return loop.create_future()

    monkeypatch.setattr(loading, "BUILTINS", {"lib": NeedsALibrary, "fine": Fine})
    assert matrix_run.choose(None) == (["fine"], [("lib", "the lib adapter needs lib: pip install lib")])
    monkeypatch.setattr(matrix_run.Runs, "run", lambda self, spec, n: None)  # run nothing: only the listing
    assert matrix_run.main(["--out", str(tmp_path)]) == matrix_run.EXIT_INCOMPLETE
    out = capsys.readouterr().out
    assert "  skip   lib: the lib adapter needs lib: pip install lib" in out and "no result from fine" in out


def test_the_fork_start_method_is_left_out_by_default_from_3_12():
    # In a child: choosing the defaults loads every installed backend, and trio_asyncio's import patches asyncio.
    code = ("from conformance.matrix import run; chosen, skipped = run.choose(None); "
            "print('stdlib-process-fork' in chosen, 'stdlib-process-fork' in dict(skipped))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split() == [str(sys.version_info < (3, 12)), str(sys.version_info >= (3, 12))], done.stderr


@pytest.mark.parametrize("args, message", [
    (["--adapters", "nope"], "cannot run adapter 'nope': unknown adapter"),
    (["--adapters", "cf-module:tests.fixtures.import_fails"], "cannot import module"),
    (["--adapters", ","], "--adapters names no adapter"),
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--timeout", "-1"], "--timeout must be positive"),
    (["--profile", "fast"], "unknown settings profile 'fast'"),
    (["--seed", "x"], "invalid int value"),
    (["--out", "pyproject.toml", "--render-only"], "not a folder"),
    (["--frobnicate"], "unrecognized arguments"),
])
def test_bad_usage_exits_2_with_one_clear_line(args, message):
    run = matrix(*args)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("futurespec: error: ") and run.stderr.count("\n") == 1 and message in run.stderr


def test_a_run_over_its_time_is_killed_and_named(tmp_path):
    run = matrix("--adapters", "stdlib-thread", "--timeout", "0.5", "--out", str(tmp_path), timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "ERROR  stdlib-thread" in run.stdout and "killed after --timeout 0.5 s" in run.stdout
    assert "INCOMPLETE: no result from stdlib-thread" in run.stdout
    assert not list(tmp_path.glob("py*/*.json"))


def test_a_folder_with_a_foreign_json_file_is_one_clear_error(tmp_path):
    (tmp_path / "py3.11").mkdir()
    (tmp_path / "py3.11" / "x.json").write_text('{"not": "a result"}')
    run = matrix("--render-only", "--out", str(tmp_path))
    assert run.returncode == 2 and "not a futurespec result file" in run.stderr and run.stderr.count("\n") == 1


def test_result_files_are_named_by_implementation_version_and_python():
    def data(name, version, python="3.11.7"):
        return {"adapter": {"name": name, "version": version}, "python": python}

    assert results.relative_path(data("stdlib-thread", "3.11.7")) == pathlib.Path("py3.11/stdlib-thread.json")
    assert results.relative_path(data("loky", "3.7.0")) == pathlib.Path("py3.11/loky-3.7.0.json")
    assert results.relative_path(data("cf-module:a.b", "1.0", "3.9.1")) == pathlib.Path("py3.9/cf-module_a.b-1.0.json")


def test_an_adapter_may_state_its_version_and_otherwise_it_is_found():
    assert loading.load("stdlib").describe()["version"] == platform.python_version()
    assert loading.load("asyncio-task").describe()["version"] == platform.python_version()
    assert loading.load("reference-bridge").describe()["version"] == conformance.__version__

    class Stated(AsyncioAdapter):
        version = "9.9"

        def new_future(self, loop):
            return loop.create_future()

    assert Stated().describe()["version"] == "9.9"


def test_the_pages_show_every_result_file(tmp_path):
    for python in ("3.9.18", "3.13.0"):
        data = json.loads((ROOT / "tests" / "fixtures" / "result.json").read_text())
        data["python"] = data["adapter"]["version"] = python
        results.write(tmp_path / results.relative_path(data), data)
    written, count = render.write_all(tmp_path)
    assert count == 2 and [p.name for p in written] == ["MATRIX.md", "index.html"]
    text = (tmp_path / "MATRIX.md").read_text()
    assert "## Python 3.9" in text and "## Python 3.13" in text and "**1 fail** ([CF-CANCEL-3](" in text
    page = (tmp_path / "index.html").read_text()
    assert 'id="ce-py3.9-fixture-CF-CANCEL-3"' in page and 'id="ce-py3.13-fixture-CF-CANCEL-3"' in page
