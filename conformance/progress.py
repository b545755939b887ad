"""What a run tells about itself as it goes: the machine and example it is in, each step as it begins, the call into
the implementation in progress (and the clause at stake), each failure as it is found, the checks made so far.

An in-process run tells nobody: `Progress`, whose hooks do nothing. The child of an isolated run (isolation.py)
streams all of it to its parent as JSON lines (`Stream`), so that when the implementation kills the process the
parent still knows what was going on, and turns the crash into a verdict on the clause at stake.

Hypothesis prints a step only after it ran, and only when it replays a failure; `Stream` announces each step before
it runs through three private members of a Hypothesis state machine (`_rules_strategy`, `_pretty_print`,
`_repr_step`, the same from Hypothesis 6.100 to 6.155). That dependence lives here and nowhere else; without them
a crash report still names the operation and the clause, only not the steps of a random example.
"""
import dataclasses
import functools
import json
import os
import threading
from json.encoder import encode_basestring_ascii as _quoted

_RETURNED = b'{"returned":true}\n'


class Progress:
    """The hooks the runner, the machines and the watchdog call; silent."""

    def phase(self, text):
        """The run moved on: the tour of a machine, one of its walks, a round of search."""

    def example(self, machine):
        """A new example starts on `machine` (a tour walk, or one of Hypothesis's examples)."""

    def step(self, line):
        """A step begins; `line` is how a replay script writes it."""

    def calling(self, what, kind):
        """A call into the implementation (or a wait for one) begins; `kind` is the clause at stake."""

    def returned(self):
        """The call in progress returned (or was given up on)."""

    def calling_back(self, what, kind):
        """A callback of the suite's, run by the implementation during the call in progress, calls back into it;
        `kind` is the clause that callback checks. Until called_back(), a crash is that call's (spec/README.md,
        "Crashes")."""

    def called_back(self):
        """The callback's calls back into the implementation returned."""

    def found(self, clause_id, counterexample):
        """A clause failed, with this counterexample."""

    def example_done(self, ledger):
        """An example ended (its teardown ran): the ledger's checks so far."""

    def steps_where(self, clause_id):
        """The steps of the example in which `clause_id` was first violated, as far as they were told; for a failure
        Hypothesis could not replay, whose own report then has none."""
        return []


class Stream(Progress):
    """Every hook as one JSON line written at once to the file descriptor `fd`: a crash loses nothing sent. A call
    is announced twice (begins, returns) and there are thousands: those two lines are written by hand. When nobody
    reads `fd` any more (the parent is gone), `lost()` is called: a run with nobody to report to must end."""

    def __init__(self, fd, lost):
        self._fd, self._lost = fd, lost
        self._lock = threading.Lock()  # the heartbeat thread sends too
        self._named = None  # (machine, rule, arguments) of a step whose result is named once it has run
        self._checks = {}  # the check counts last sent
        self._violated = set()  # clauses whose violations have been sent
        self._steps = []  # the steps of the example in progress, as its replay script writes them
        self._first_seen = {}  # clause: the steps of the example that first violated it

    def send(self, **message):
        self._write((json.dumps(message, separators=(",", ":"), default=repr) + "\n").encode())

    def _write(self, data):
        with self._lock:
            try:
                while data:
                    data = data[os.write(self._fd, data):]
            except BrokenPipeError:
                self._lost()

    def phase(self, text):
        self.send(phase=text)

    def example(self, machine):
        self._named = None
        self._steps = [f"state = {type(machine).__name__}()"]
        self.send(example=type(machine).__name__)
        if all(hasattr(machine, name) for name in ("_rules_strategy", "_pretty_print", "_repr_step")):
            machine._rules_strategy = machine._rules_strategy.map(functools.partial(self._announce, machine))

    def _announce(self, machine, drawn):
        """Hypothesis drew (rule, arguments) and runs it next: announce it as its replay prints it."""
        rule, data = drawn
        shown = {name: machine._pretty_print(value) if _references(value) else repr(value)
                 for name, value in data.items()}
        self.step(f"state.{rule.function.__name__}({', '.join(f'{k}={v}' for k, v in shown.items())})")
        if rule.targets:
            self._named = (machine, rule, shown)
        return drawn

    def step(self, line):
        if self._named is not None:  # the step before returned a value: now that it has a name, say so
            machine, rule, shown = self._named
            self._named = None
            self._steps[-1] = machine._repr_step(rule, shown, None)
            self.send(named=self._steps[-1])
        self._steps.append(line)
        self.send(step=line)

    def calling(self, what, kind):
        self._write(f'{{"call":{_quoted(what)},"kind":{_quoted(kind)}}}\n'.encode())

    def returned(self):
        self._write(_RETURNED)

    def calling_back(self, what, kind):
        self.send(back=what, kind=kind)

    def called_back(self):
        self.send(back=None)

    def found(self, clause_id, counterexample):
        self.send(found=clause_id, counterexample=dataclasses.asdict(counterexample))

    def example_done(self, ledger):
        checks = {cid: n for cid, n in ledger.checks.items() if self._checks.get(cid) != n}
        violated = {cid: messages[0] for cid, messages in ledger.violations.items()
                    if messages and cid not in self._violated}
        self._checks.update(checks)
        self._violated.update(violated)
        self._first_seen.update(dict.fromkeys(violated, self._steps))
        self.send(checks=checks, violated=violated)

    def steps_where(self, clause_id):
        return list(self._first_seen.get(clause_id, ()))


def _references(value):
    """Whether a drawn argument names values of the machine's bundles (Hypothesis prints their names); plain data
    (strings, numbers, lists of them) prints as its repr, as Hypothesis prints it, only faster."""
    values = value if isinstance(value, list) else [value]
    return any(type(v).__name__ == "VarReference" for v in values)
