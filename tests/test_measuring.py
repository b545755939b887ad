"""--coverage (conformance/measuring.py): the summary names the implementation's modules, their unreached lines, and
the sources it cannot measure; without the coverage package, one line and exit 2."""
import os
import pathlib
import subprocess
import sys

from conformance import loading, measuring

ROOT = pathlib.Path(__file__).resolve().parent.parent


def cli(*args, prelude="pass"):
    code = f"import sys; {prelude}; from conformance.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def summary(run):
    return run.stdout[run.stdout.index("COVERAGE"):]


def test_an_isolated_run_reports_its_module_with_an_unreached_line():
    module = "tests.fixtures.unreached_method"
    run = cli("--adapter", f"cf-module:{module}", "--coverage", "--profile", "dev", "--seed", "0", "--exitfirst")
    assert run.returncode == 1, run.stdout + run.stderr
    text = summary(run)
    assert f"  {module} (" in text and "lines reached" in text
    assert "unreached lines: " in text


def test_a_c_extension_is_said_to_have_no_source():
    run = cli("--adapter", "asyncio", "--coverage", "--profile", "dev", "--seed", "0")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "_asyncio: has no Python source" in summary(run)


def test_in_process_measures_too():
    run = cli("--adapter", "aio-class:reference.aio_future.Future", "--coverage", "--in-process", "--profile", "dev",
              "--seed", "0")  # an asyncio profile run: seconds (the reference's cf run took 50 s under coverage)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "reference.aio_future (" in summary(run)


def test_without_the_coverage_package_it_is_one_line_and_exit_2():
    run = cli("--adapter", "reference", "--coverage", prelude="sys.modules['coverage'] = None")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "futurespec: error: --coverage needs the coverage package: pip install futurespec[coverage]"]


def test_the_default_sources_of_the_schemes():
    assert measuring.sources_of(loading.load("cf-module:tests.faulty.future.cancel_finished_true")) == (
        "tests.faulty.future.cancel_finished_true",)
    assert measuring.sources_of(loading.load("stdlib")) == measuring.STDLIB_CF
    assert measuring.sources_of(loading.load("aio-class:reference.aio_future.Future")) == ("reference.aio_future",)
    assert measuring.sources_of(loading.load("task-class:asyncio.tasks._PyTask")) == ("asyncio.tasks",)
    assert measuring.sources_of(loading.load("reference")) == ("reference.future", "reference.executor")


def test_a_crashed_run_says_what_is_not_counted():
    run = cli("--adapter", "cf-module:tests.faulty.future.cancel_segfaults", "--coverage", "--profile", "dev",
              "--seed", "0")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "children that crashed reached is not counted" in summary(run)
