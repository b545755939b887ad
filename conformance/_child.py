"""The child process of an isolated run: `python -m conformance._child JOB`, started and watched by isolation.py.

It reads its job from the JSON file JOB and keeps its stdout as the channel to the parent, pointing file
descriptor 1 at stderr so that what the implementation prints cannot garble the channel. It enables faulthandler
into the file the parent reads after a crash, starts a heartbeat (silence means the whole interpreter is stuck),
then either runs the suite or replays one crash's steps, streaming its progress (progress.py). It never raises: a
usage or internal error is a message to the parent, and it leaves with os._exit, so no thread the implementation
left running can keep it alive.
"""
import contextlib
import faulthandler
import functools
import json
import logging
import os
import sys
import threading
import traceback

ORPHANED = 3  # the exit status of a child whose parent went away


def main():
    with open(_job_path(), encoding="utf-8") as job_file:
        job = json.load(job_file)
    sys.path[:] = job["path"]  # the parent's: the same adapters and implementations import here
    channel = os.dup(1)
    os.dup2(2, 1)
    faults = open(job["faults"], "w")  # kept open for faulthandler, until the process ends
    faulthandler.enable(faults, all_threads=True)
    _no_core_files()
    sys.warnoptions.append("ignore::UserWarning:multiprocessing.resource_tracker")  # see _kill_children()

    from .progress import Stream

    stream = Stream(channel, lost=_orphaned)
    _heartbeat(stream, job["limits"]["unresponsive"] / 5)
    try:
        _replay(job, stream) if job["mode"] == "replay" else _run(job, stream)
    except Exception as error:
        _error(stream, error)
    sys.stdout.flush()
    sys.stderr.flush()
    _kill_children()
    os._exit(0)


def _orphaned():
    """The parent stopped reading (killed, or ended without ending this child): nobody will read a verdict, so end at
    once, with what the run started, rather than run on unwatched (an orphaned child once spun a core for 15 minutes).
    The status says why to anyone who looks."""
    _kill_children()
    os._exit(ORPHANED)


def _kill_children():
    """os._exit skips the exit hooks that would stop the processes the run started (the process gates' manager, an
    implementation's worker processes), which would be left orphaned, each with its resource tracker: kill them.
    The tracker then frees what they held; main() told it (a -W option it inherits) not to warn about that."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return
    for child in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            child.kill()


def _job_path():
    """The job file named on the command line; or, for a spare child (spare.py), the one the parent writes on stdin
    once it has one — imported the suite meanwhile, and leaving quietly if the parent never sends a job."""
    if sys.argv[1] != "-":
        return sys.argv[1]
    from . import judging, loading, report, runner  # noqa: F401 (the suite's weight, Hypothesis with the machines'
    # base class among it, imported while the parent starts)

    path = sys.stdin.readline().strip()
    if not path:
        os._exit(0)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # nothing else to read: the implementation reads what a run reads
    return path


def _no_core_files():
    """A segfaulting implementation crashes this process on purpose, again and again: no core file for each."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # not POSIX, or not allowed: a core file is the system's business then


def _heartbeat(stream, interval):
    def beat():
        while not stopping.wait(interval):
            stream.send(beat=True)

    stopping = threading.Event()  # never set: the beat ends with the process
    threading.Thread(target=beat, name="futurespec-heartbeat", daemon=True).start()


def _limits(job):
    from . import config

    return config.Limits(**{**job["limits"], "short_timeouts": tuple(job["limits"]["short_timeouts"])})


def _run(job, stream):
    from . import clauses, loading, profiles, report, runner

    stream.send(loading=job["spec"])
    adapter = loading.load(job["spec"])
    stream.send(plan={"adapter": dict(adapter.describe()),
                      "not_applicable": {cid: runner.applicability(clause, adapter)
                                         for cid, clause in clauses.index().items()}})
    found = {cid: runner.Counterexample(**counterexample) for cid, counterexample in job["found"].items()}
    skip, echoes = set(job["skip"]), ()
    if job.get("lane") is not None:  # one lane of a run split in lanes (profiles.Lane)
        profile = profiles.PROFILES[adapter.profile]
        if job["lane"] == 0:
            stream.send(lanes=len(profile.lanes_for(adapter)))  # the parent starts the others
        lane_skip, echoes = profile.lane_plan(adapter, job["lane"])
        skip |= lane_skip
    with _measured(job, adapter) as measurement:
        result = runner.run(adapter, settings_profile=job["settings_profile"], seed=job["seed"],
                            strict=job["strict"], limits=_limits(job), spec=job["spec"], skip=sorted(skip),
                            exitfirst=job["exitfirst"], stop_at=job["stop_at"], progress=stream, found=found,
                            refused=job["refused"], echoes=echoes, static=job.get("lane") in (None, 0))
    if measurement is not None:
        stream.send(coverage=measurement.summary)  # before the report, which ends the parent's listening
    stream.send(report=report.to_json(result, checked_by=False))  # the parent's --json adds them


def _measured(job, adapter):
    """--coverage: measure the run here, where the implementation runs (measuring.py)."""
    if not job.get("coverage"):
        return contextlib.nullcontext()
    from . import measuring

    return measuring.measured(adapter)


def _replay(job, stream):
    """Run a crash's replay script line by line, with the context the crash had; say how it ended if it did."""
    from . import replay

    logging.disable(logging.CRITICAL)  # as in a run (runner.py): the implementation logs what the probes raise
    machine = functools.partial(replay.replay_machine, muted=job["muted"], refused=job["refused"],
                                limits=_limits(job), progress=stream)
    namespace = {"replay_machine": machine}
    for line in job["script"].splitlines():
        if line.startswith(("from ", "import ")):
            continue  # replay_machine is already there, bound to this child's context
        if line != "state.teardown()":  # the machine announces its teardown itself
            stream.step(line)
        try:
            exec(line, namespace)
        except Exception as error:
            stream.send(replayed=f"{line} raised {type(error).__name__}: {error}")
            return
    stream.send(replayed="")


def _error(stream, error):
    from .adapter import AdapterError
    from .clauses import SpecError

    if os.environ.get("FUTURESPEC_DEBUG"):
        traceback.print_exc()
    usage = isinstance(error, (AdapterError, SpecError))
    stream.send(error="usage" if usage else "internal", message=f"{type(error).__name__}: {error}" if not usage
                else str(error))


if __name__ == "__main__":
    main()
