"""What the benchmarks share: a timed run of the suite (in this process, counting state-machine steps, or as the
command in a subprocess), and the median."""
import atexit
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from conformance import loading, progress, runner

ROOT = pathlib.Path(__file__).resolve().parent.parent


class StepCounter(progress.Progress):
    """A silent Progress that counts the steps Hypothesis draws in the search rounds (the hook progress.Stream uses
    to announce them) and the time spent in those rounds; the tours' fixed steps, which Hypothesis does not
    generate, are left out, so that the count compares with a null machine's."""

    def __init__(self):
        self.steps, self.search_seconds = 0, 0.0
        self._searching, self._since = False, time.perf_counter()

    def phase(self, text):
        self.stop()
        self._searching, self._since = text.startswith("the search of"), time.perf_counter()

    def stop(self):
        if self._searching:
            self.search_seconds += time.perf_counter() - self._since
        self._searching = False

    def example(self, machine):
        """Count each step as Hypothesis ends it (it checks the invariants after every rule). Not by mapping the
        rules' strategy: a new strategy per example makes Hypothesis recompute its properties, a cost the machine
        itself does not have."""
        if self._searching:
            check_invariants = machine.check_invariants

            def counted(*args, **kwargs):
                self._count()
                return check_invariants(*args, **kwargs)
            machine.check_invariants = counted

    def _count(self):
        self.steps += 1


class MachineStepCounter(StepCounter):
    """A StepCounter that also keeps each machine's share: {machine name: [steps, search seconds]}."""

    def __init__(self):
        super().__init__()
        self.machines, self._machine = {}, None

    def phase(self, text):
        self.stop()
        super().phase(text)
        self._machine = text.split(",")[0][len("the search of "):] if self._searching else None

    def stop(self):
        if self._searching and self._machine is not None:
            self.machines.setdefault(self._machine, [0, 0.0])[1] += time.perf_counter() - self._since
        super().stop()

    def _count(self):
        self.machines.setdefault(self._machine, [0, 0.0])[0] += 1
        super()._count()


def in_process(spec, settings_profile, seed=0):
    """Run SPEC here: {"wall", "cpu", "steps", "search_seconds", "exit_status"}; CPU time is this process's (all
    threads); steps and search_seconds are those of the search rounds (StepCounter)."""
    adapter = loading.load(spec)
    counter = StepCounter()
    wall, cpu = time.perf_counter(), time.process_time()
    report = runner.run(adapter, settings_profile=settings_profile, seed=seed, spec=spec, progress=counter)
    counter.stop()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "steps": counter.steps,
            "search_seconds": counter.search_seconds, "exit_status": report.exit_status}


# The commands' bytecode cache: an installed package has its modules compiled (pip does it), so a command should not
# compile the suite's source at every start, as it would where PYTHONDONTWRITEBYTECODE is set (this machine's
# environment sets it): a third of a command's start-up. Kept outside the checkout, for the whole benchmark run.
PYCACHE = tempfile.mkdtemp(prefix="futurespec-benchmark-pycache-")
atexit.register(shutil.rmtree, PYCACHE, ignore_errors=True)


def command(*args, timeout=900):
    """Run `python -m conformance ARGS --json …`: {"wall", "cpu" (of the children), "exit_status", "report"}."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "report.json")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "conformance", *args, "--json", out], cwd=ROOT,
                             capture_output=True, text=True, timeout=timeout,
                             env={**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                                  "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": PYCACHE})
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        report = json.load(open(out)) if os.path.exists(out) else None
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"wall": wall, "cpu": cpu, "exit_status": run.returncode, "report": report}


def median(values):
    return statistics.median(values) if values else None
