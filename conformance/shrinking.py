"""A crash verdict's counterexample, shrunk: the shortest sequence of the crash's steps that still crashes.

Hypothesis shrinks ordinary violations; a crash kills the process Hypothesis runs in, so it is shrunk here instead:
each candidate (the crash's steps with some deleted, delta-debugging style, keeping the crashing step and the
steps that define the values it uses) is replayed through `replay_machine` in a fresh child, with the context the
crash had (the clauses already failed, the kinds of call already refused). A candidate counts if it crashes on the
same clause. At most SHRINK_TRIES replays per crash; a crash whose full steps do not crash again is reported as
such, like an ordinary violation that did not reproduce.
"""
import dataclasses
import re

from . import runner
from .supervision import Child

SHRINK_TRIES = 10  # replays per crash verdict (each in a fresh child), besides the one that checks it reproduces
TEARDOWN = "state.teardown()"
_DEFINES = re.compile(r"^(\w+(?:\s*,\s*\w+)*)\s*=\s*state\.")


def counterexample(spec, crash, context, limits):
    """The crash's Counterexample: its message, its steps (shrunk if it reproduces), the replay script, the child's
    faulthandler dump."""
    steps, note, where = crash.steps, "", crash.where or "the run"
    if len(steps) >= 2:  # else the crash came as the machine started: nothing to shrink
        replays = _Replays(spec, crash.clause, context, limits, steps[0], steps[-1])
        body = steps[1:-1]
        reproduced = replays.crash(body)
        if reproduced is None:
            note = ("this crash did not happen again when its steps were replayed in a fresh process: a race or a "
                    "time-dependent bug; the steps show where it was seen")
        else:
            body, crash = _shrink(body, replays, reproduced)
            if len(body) < len(steps) - 2:
                note = (f"shrunk from {len(steps) - 2} steps to {len(body)} (besides the crashing one) by replaying "
                        "them in fresh processes")
        steps = replays.script_steps(body)
    what, in_progress = crash.operation
    during = f"during {what}" if in_progress else (
        f"after {what} had returned, with no call into the implementation in progress (the clause at stake of that "
        "last call is blamed)")
    message = (f"the process {crash.how} {during}: an operation must return or raise, never end the process "
               f"(clause at stake: {crash.clause}); seen in {where}")
    faults = crash.faults or "(nothing: the process ended without a fatal signal, so faulthandler had nothing to dump)"
    return runner.Counterexample(message, steps, runner.replay_script(spec, steps), note, faults)


def _shrink(body, replays, crash):
    """Delete chunks of steps, halving the chunk size, while the rest still crashes; bounded by SHRINK_TRIES."""
    guess = _with_definitions(set(), body, replays.last)  # often the crashing step alone is enough
    if len(guess) < len(body):
        found = replays.crash(guess)
        if found is not None:
            body, crash = guess, found
    chunk = max(len(body) // 2, 1)
    while chunk >= 1 and replays.tries < SHRINK_TRIES and body:
        start = 0
        while start < len(body) and replays.tries < SHRINK_TRIES:
            kept = set(range(len(body))) - set(range(start, start + chunk))
            candidate = _with_definitions(kept, body, replays.last)
            found = replays.crash(candidate) if len(candidate) < len(body) else None
            if found is not None:
                body, crash = candidate, found
            else:
                start += chunk
        chunk //= 2
    return body, crash


def _with_definitions(kept, body, last):
    """The steps of `body` at the indices `kept`, with every step that defines a name they or `last` use: a replay
    needs them."""
    needed, chosen = _uses(last), set(kept)
    for i in reversed(range(len(body))):
        if i in chosen or _defines(body[i]) & needed:
            chosen.add(i)
            needed |= _uses(body[i])
    return [body[i] for i in sorted(chosen)]


def _defines(line):
    match = _DEFINES.match(line)
    return set(re.split(r"\s*,\s*", match[1])) if match else set()


def _uses(line):
    return set(re.findall(r"\b[A-Za-z_]\w*\b", line.partition("=")[2] if _DEFINES.match(line) else line))


class _Replays:
    """Replaying candidate step sequences of one crash, each in a fresh child."""

    def __init__(self, spec, clause, context, limits, head, last):
        self.spec, self.clause, self.context, self.limits = spec, clause, context, limits
        self.head, self.last = head, last
        self.tries = 0

    def script_steps(self, body):
        return [self.head, *body, self.last] + ([] if self.last == TEARDOWN else [TEARDOWN])

    def crash(self, body):
        """The crash of replaying `head, *body, last`, if it crashes on the same clause; else None."""
        self.tries += 1
        script = runner.replay_script(self.spec, self.script_steps(body))
        job = dict(mode="replay", spec=self.spec, script=script, limits=dataclasses.asdict(self.limits),
                   **self.context)
        crash = Child(job, self.limits).run().crash
        return crash if crash is not None and crash.clause == self.clause else None
