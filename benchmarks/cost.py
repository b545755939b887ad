"""Cost of the default settings (`ci`) per adapter: wall and CPU seconds of the whole command, crash isolation
included (split in lanes, the default on two cores), as a user pays them. CPU seconds are those of the child
processes (the supervised run and what it starts), so a value above wall means the run used more than one core.

Issue 13's targets are per spec chapter (the reference's Future chapter; one stdlib adapter's Future, executor and
wait/as_completed), so the references' and the stdlib's runs are also timed by the chapter whose clauses the work
judges, in this process (the command's start-up is no chapter's): each machine's tours and search rounds go to its
chapter (spec/future.md for the Future machine, spec/executors.md for the wait() and executor machines), but the race
machine's: it runs the Future's race scenarios (future/scenario.py) and those of wait(), as_completed() and the
executors (executors/races.py), timed apart, and its other time (drawing the steps, judging) is shared between the
two in proportion."""
import contextlib
import functools
import time

from conformance import loading, progress, runner
from conformance.executors import races
from conformance.future import scenario

from .common import command

ADAPTERS = ("reference", "reference-asyncio", "reference-bridge", "stdlib", "stdlib-thread", "stdlib-process",
            "asyncio", "asyncio-py", "asyncio-task", "asyncio-task-py", "asyncio-bridge")
QUICK = ("reference", "stdlib", "asyncio")
BY_CHAPTER = ("reference", "stdlib-thread")


class MachineTimer(progress.Progress):
    """A silent Progress that adds up the time of each machine's phases (its tour's walks, its search rounds)."""

    def __init__(self):
        self.seconds, self._machine, self._since = {}, None, time.perf_counter()

    def phase(self, text):
        self.stop()
        self._machine = text.split(",")[0].split(" of ", 1)[1]  # "the tour of M, walk …", "the search of M, round …"

    def stop(self):
        now = time.perf_counter()
        if self._machine is not None:
            self.seconds[self._machine] = self.seconds.get(self._machine, 0.0) + now - self._since
        self._machine, self._since = None, now


@contextlib.contextmanager
def _timed(cls, name, seconds, key):
    """Add the time of every call of cls.name to seconds[key] while the block runs."""
    original = getattr(cls, name)

    @functools.wraps(original)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[key] += time.perf_counter() - started
    setattr(cls, name, timed)
    try:
        yield
    finally:
        setattr(cls, name, original)


CHAPTERS = {"FutureMachine": "future", "WaitMachine": "executors", "ExecutorMachine": "executors"}  # the cf machines


def by_chapter(spec, settings_profile="ci"):
    """{spec chapter: seconds} of one in-process run of SPEC, and {machine: seconds}."""
    adapter = loading.load(spec)
    timer, races_run = MachineTimer(), {"future": 0.0, "executors": 0.0}
    with _timed(scenario.Scenario, "run", races_run, "future"), _timed(races.Race, "run", races_run, "executors"):
        runner.run(adapter, settings_profile=settings_profile, seed=0, spec=spec, progress=timer)
    timer.stop()
    chapters = {"future": 0.0, "executors": 0.0}
    for machine, seconds in timer.seconds.items():
        if machine == "RaceMachine":  # its scenarios by what they judge, the rest of its time in proportion
            scenarios = sum(races_run.values())
            for chapter, share in races_run.items():
                chapters[chapter] += share + (seconds - scenarios) * (share / scenarios if scenarios else 0.5)
        else:
            chapters[CHAPTERS[machine]] += seconds
    return chapters, timer.seconds


def run(quick):
    rows = []
    for spec in QUICK if quick else ADAPTERS:
        measured = command("--adapter", spec, "--profile", "ci", "--seed", "0")
        rows.append({"adapter": spec, "wall": measured["wall"], "cpu": measured["cpu"],
                     "exit_status": measured["exit_status"]})
    chapters = []
    for spec in BY_CHAPTER:
        seconds, machines = by_chapter(spec)
        chapters.append({"adapter": spec, "chapters": seconds, "machines": machines})
    return {"settings_profile": "ci", "adapters": rows, "by_chapter": chapters}
