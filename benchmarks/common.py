"""What the benchmarks share: a timed run of the suite (in this process, counting state-machine steps, or as the
command in a subprocess), and the median."""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import threading
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


# The commands' bytecode: an installed package has its modules compiled (pip does it), so a command should not
# compile the suite's source at every start, as it would where PYTHONDONTWRITEBYTECODE is set (this machine's
# environment sets it): a third of a command's start-up. The commands write it beside the source, in the __pycache__
# folders git ignores (a PYTHONPYCACHEPREFIX would move the standard library's and Hypothesis's there too, compiled
# again by the first command).
_ENVIRONMENT = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT)}
_compiling = threading.Lock()
_compiled = []


def _compile():
    """Compile the checkout once, before the first command, as pip compiles what it installs: else the first command
    to import each module (the very first: all of the suite) would pay for compiling it."""
    with _compiling:
        if not _compiled:
            subprocess.run([sys.executable, "-m", "compileall", "-q", "conformance", "reference", "tests"], cwd=ROOT,
                           env=_ENVIRONMENT, check=True, stdout=subprocess.DEVNULL)
            _compiled.append(True)


def command(*args, timeout=900, env=None):
    """Run `python -m conformance ARGS --json …` (with `env` added to the environment): {"wall", "cpu" (of the
    command and the processes it waited for), "exit_status", "report"}. The CPU time is the command's own, from
    os.wait4(), not the difference of RUSAGE_CHILDREN around it, which counts every command that ended meanwhile (the
    zoo runs two at a time)."""
    _compile()
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "report.json")
        wall = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "conformance", *args, "--json", out], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**_ENVIRONMENT, **(env or {})})
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - wall
        report = json.load(open(out)) if os.path.exists(out) else None
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "exit_status": process.returncode,
            "report": report}


def median(values):
    return statistics.median(values) if values else None
