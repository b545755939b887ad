"""The ledger: every check the machine makes is recorded against the clause it cites.

A violation of a clause nobody has excused raises a ClauseViolation, which Hypothesis then shrinks. A violation of
a *muted* clause (a declared deviation, or one already found this run) is recorded and the run goes on, so one bug
never hides the next.
"""
from collections import Counter, defaultdict


class ClauseViolation(AssertionError):
    """An implementation broke a clause. Each clause gets its own subclass, so Hypothesis shrinks each on its own."""

    clause = ""

    def __init__(self, message):
        super().__init__(f"[{self.clause}] {message}")
        self.message = message


_VIOLATION_CLASSES = {}


def violation_class(clause_id):
    if clause_id not in _VIOLATION_CLASSES:
        name = "Violation_" + clause_id.replace("-", "_")
        _VIOLATION_CLASSES[clause_id] = type(name, (ClauseViolation,), {"clause": clause_id})
    return _VIOLATION_CLASSES[clause_id]


class Muted(Exception):
    """A muted clause was violated: the step stops and its future is retired, but the run continues."""


class Ledger:
    def __init__(self, clause_index, applicable, muted=()):
        self.clause_index = clause_index
        self.applicable = frozenset(applicable)
        self.muted = set(muted)
        self.checks = Counter()
        self.violations = defaultdict(list)

    def _count(self, clause_id):
        if clause_id not in self.applicable:
            raise LookupError(f"suite bug: a check cites {clause_id}, which is unknown or not applicable here")
        self.checks[clause_id] += 1

    def passed(self, clause_id):
        self._count(clause_id)

    def violated(self, clause_id, message):
        self._count(clause_id)
        self.violations[clause_id].append(message)
        if clause_id in self.muted:
            raise Muted(clause_id)
        raise violation_class(clause_id)(message)

    def expect(self, clause_id, condition, message):
        """Record a check; `message` is a string or a zero-argument callable, built only on failure."""
        if condition:
            self.passed(clause_id)
        else:
            self.violated(clause_id, message() if callable(message) else message)
