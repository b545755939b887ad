"""One child process of an isolated run (isolation.py), watched from the parent: start it with a job, read what it
streams, notice when it dies or stops responding, and say how it ended.

The child is `python -m conformance._child`, a plain subprocess of this interpreter with this process's sys.path:
nothing of the parent's state has to cross (as it would with multiprocessing), the job is a plain JSON file, and
the child is as fresh as a user's own run. Its stdout is the channel: JSON lines (progress.py), a heartbeat
among them. Silence longer than `limits.unresponsive` means the whole interpreter is stuck (C code holding the GIL
for ever: the watchdog's own thread cannot run either); the parent then sends SIGABRT, which faulthandler handles
without the GIL by dumping every thread before the process dies.

The child runs in a session of its own (spare.start()), so that it is the leader of its own process group. Once it
has ended, and before it is reaped, the parent SIGKILLs that group: whatever the implementation started there and left
behind (multiprocessing workers, a resource tracker, a process ignoring SIGTERM) does not outlive the run.
"""
import collections
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Optional, Tuple

from . import clauses, report, runner, spare
from .adapter import AdapterError


class ChildError(Exception):
    """The child met an internal error of the suite (or could not start at all): a bug of ours."""


@dataclass
class Crash:
    """A child that ended without finishing its job: how, and what it was doing then."""

    how: str  # "was killed by signal SIGSEGV (Segmentation fault)", "exited with status 3", "stopped responding …"
    call: Optional[Tuple[str, str]]  # (what, kind) of the call into the implementation in progress, if any
    last: Optional[Tuple[str, str]]  # (what, kind) of the most recent call whose kind is a clause
    steps: list  # the example's steps so far, the step in progress last
    where: str  # the phase of the run: "the tour of FutureMachine, walk 3 of 102", …
    faults: str  # what faulthandler wrote: every thread's traceback

    @property
    def clause(self):
        """The clause blamed (spec/README.md, "Crashes"): the clause at stake of the call in progress; when no call
        of a clause was in progress, that of the most recent call. None before any call."""
        if self.call and self.call[1] in clauses.index():
            return self.call[1]
        return self.last[1] if self.last else None

    @property
    def operation(self):
        """The operation to name in the verdict, and whether it was in progress."""
        if self.call and self.call[1] in clauses.index():
            return self.call[0] or "a wait for calls in other threads", True
        return (self.last[0] or "a wait for calls in other threads", False) if self.last else ("", False)


@dataclass
class Outcome:
    """What one child did: finished its run (`report`), finished a replay (`replayed`), or crashed (`crash`); and
    what it streamed before: counterexamples found, checks made, violations seen, the run's plan."""

    report: Optional[runner.Report] = None
    replayed: Optional[str] = None  # "" for a replay that ended quietly, else what raised
    crash: Optional[Crash] = None
    found: dict = field(default_factory=dict)
    checks: collections.Counter = field(default_factory=collections.Counter)
    violated: dict = field(default_factory=dict)
    plan: Optional[dict] = None
    coverage: Optional[str] = None  # --coverage: the child's summary (measuring.py)


class Child:
    """One child process running one job."""

    def __init__(self, job, limits, on_lanes=None):
        self.job = job
        self.limits = limits
        self.on_lanes = on_lanes  # told how many lanes besides its own the first lane's child found (profiles.Lane)
        self.process = None
        self.stopped = False
        self.outcome = Outcome()
        self.error = None
        self.loading = False
        self.where = ""  # the phase of the run (runner.py): a tour's walk, a round of search
        self.examples = 0  # examples begun in this phase
        self.steps = []
        self.call = self.last = self.outer = None  # outer: the call in progress when a callback called back
        self.silence = limits.unresponsive  # how long the child was silent when it was judged stuck

    def run(self):
        """Run the job to its end; the Outcome, or AdapterError / ChildError when the child says so."""
        with tempfile.TemporaryDirectory(prefix="futurespec-") as folder:
            faults, job = os.path.join(folder, "faults"), os.path.join(folder, "job.json")
            with open(job, "w", encoding="utf-8") as out:
                json.dump({**self.job, "faults": faults, "path": [entry or os.getcwd() for entry in sys.path]}, out)
            process = spare.take(job) or subprocess.Popen(
                [sys.executable, "-m", "conformance._child", job], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                env=spare.environment(), start_new_session=True)  # see spare.start()
            self.process = process
            if self.stopped:
                process.kill()
            lines = queue.SimpleQueue()
            threading.Thread(target=_read, args=(process.stdout, lines), name="futurespec-channel",
                             daemon=True).start()
            try:
                silent = self._listen(process, lines)
                status = self._end(process, silent)
            except BaseException:  # Ctrl-C reaches this process only (its own session): the child goes with it
                process.kill()
                _end_session(process)
                raise
            text = ""
            if os.path.exists(faults):
                with open(faults, encoding="utf-8", errors="replace") as dump:
                    text = dump.read().strip()
        return self._outcome(status, silent, text)

    def stop(self):
        """Kill the child, from another thread (another lane of the run went wrong): run() then returns at once."""
        self.stopped = True
        if self.process is not None:
            self.process.kill()

    def _listen(self, process, lines):
        """Take the child's messages until it closes the channel, or has died and said nothing more for a moment (a
        process it forked may hold the channel open); True if it fell silent for too long while alive instead."""
        tick = min(1.0, self.limits.unresponsive)
        heard = time.monotonic()
        silence = max(self.limits.startup, self.limits.unresponsive)  # a busy machine may start Python slowly
        dead = False
        while True:
            try:
                line = lines.get(timeout=tick)
            except queue.Empty:
                if dead:
                    return False
                dead = _ended(process, 0)
                if not dead and time.monotonic() - heard >= silence:
                    self.silence = silence
                    return True
                continue
            if line is None:
                return False
            heard, silence = time.monotonic(), self.limits.unresponsive
            try:
                message = json.loads(line)
            except ValueError:
                continue  # cut short by the child's death
            self._take(message)

    def _take(self, message):
        kind, value = next(iter(message.items()))  # a message's first key names it (progress.py)
        if kind == "example":
            self.steps = [f"state = {value}()"]
            self.examples += 1
        elif kind == "step":
            self.steps.append(value)
        elif kind == "named" and self.steps:
            self.steps[-1] = value
        elif kind == "call":
            self.call = (value, message["kind"])
            if message["kind"] in clauses.index():
                self.last = self.call
        elif kind == "back":  # a callback's calls back into the implementation, during the call in progress
            if value is None:
                self.call, self.outer = self.outer, None
            else:
                self.outer = self.call
                during = f", called during {self.call[0]}" if self.call and self.call[0] else ""
                self.call = self.last = (f"{value}{during}", message["kind"])
        elif kind == "returned":
            self.call = self.outer = None
        elif kind == "phase":
            self.where, self.examples = value, 0
        elif kind == "found":
            self.outcome.found[value] = runner.Counterexample(**message["counterexample"])
        elif kind == "checks":
            self.outcome.checks.update(value)
            self.outcome.violated.update(message["violated"])
        elif kind == "lanes":
            if self.on_lanes is not None:
                self.on_lanes(value)
        elif kind in ("plan", "replayed", "coverage"):
            setattr(self.outcome, kind, value)
        elif kind == "report":
            self.outcome.report = report.from_json(value)
        elif kind == "loading":
            self.loading = True
        elif kind == "error":
            self.error = (value, message["message"])

    def _end(self, process, silent):
        """Wait (bounded) for the child to end, after SIGABRT if it stopped responding; end what it left in its
        session; its exit status."""
        if silent:
            process.send_signal(signal.SIGABRT)
        if not _ended(process, self.limits.unresponsive):  # not even SIGABRT ended it
            process.kill()
            _ended(process, self.limits.unresponsive)
        _end_session(process)
        return process.wait(timeout=self.limits.unresponsive)

    def _outcome(self, status, silent, faults):
        if self.error:
            kind, message = self.error
            raise (AdapterError if kind == "usage" else ChildError)(message)
        if self.outcome.report is not None or self.outcome.replayed is not None:
            return self.outcome
        how = _how(status, silent, self.silence)
        if self.outcome.plan is None and self.job["mode"] == "run":
            if self.loading:
                raise AdapterError(f"loading the adapter {self.job['spec']!r} ended the process: it {how}")
            raise ChildError(f"the suite's child process {how} before it started its run")
        where = f"{self.where}, example {self.examples}" if self.where.startswith("the search") else self.where
        self.outcome.crash = Crash(how, self.call, self.last, self.steps, where, faults)
        return self.outcome


def _ended(process, seconds):
    """Whether the child has ended within `seconds`, left unreaped (a zombie: its process ID, and so its group's, cannot
    be given to another process before _end_session()); looked at as Popen.wait(timeout) does, at growing intervals.
    Without os.waitid (macOS), Popen reaps it."""
    if not hasattr(os, "waitid"):
        try:
            process.wait(seconds)
            return True
        except subprocess.TimeoutExpired:
            return False
    deadline, delay = time.monotonic() + seconds, 0.0005
    while True:
        try:
            if os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:  # reaped already
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        delay = min(delay * 2, remaining, 0.05)
        time.sleep(delay)


def _end_session(process):
    """SIGKILL the child's process group (its session's: start_new_session made the child its leader), the child
    ended or killed but not yet reaped, so that the group's ID is still the child's and nobody else's. Never our own
    group. A process the implementation started that left the group (setsid(), setpgid(): a daemon, some launchers)
    escapes: nothing marks it as the run's any more. Not done once the child is reaped (without os.waitid, or after
    Popen reaped it): the ID may then name another group."""
    if process.returncode is not None or not hasattr(os, "waitid") or not hasattr(os, "killpg"):
        return
    try:
        os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)  # still our child, alive or a zombie?
        if os.getpgid(process.pid) == process.pid != os.getpgrp():
            os.killpg(process.pid, signal.SIGKILL)
    except (ChildProcessError, ProcessLookupError, PermissionError):  # reaped: nothing is known to be ours any more
        pass


def _read(stream, lines):
    for line in stream:
        lines.put(line)
    lines.put(None)


def _how(status, silent, silence):
    if silent:
        return (f"stopped responding: no sign of life for {silence:g} s, as when C code holds the GIL "
                "for ever, so the suite killed it (SIGABRT)")
    if status < 0:
        number = signal.Signals(-status)
        return f"was killed by signal {number.name} ({signal.strsignal(number)})"
    return f"exited with status {status}"
