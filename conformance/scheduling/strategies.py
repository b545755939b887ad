"""Which thread runs next: the schedules the suite explores.

A schedule is plain data, so Hypothesis draws it, shrinks it and prints it in a replayable step:

- `PCT` — probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each thread gets a priority, the
  highest-priority thread that can run always runs, and at `changes` (step numbers) the running thread drops below
  every other. A bug that needs d ordering constraints among n threads and k steps is found with probability at
  least 1/(n·k^(d-1)) per schedule, whatever the OS does.
- `Choices` — follow given choices at the decision points (where more than one thread can run), then run without
  preempting; it records the decision points, which `bounded()` branches on to visit every schedule with at most
  a given number of preemptions (the systematic search of CHESS, for small scenarios).
"""


class PCT:
    """Priorities (one per thread, higher runs first) and the steps at which the running thread is demoted."""

    def __init__(self, priorities, changes):
        self.priority = list(priorities)
        self.changes = sorted(changes)
        self.applied = 0

    def choose(self, enabled, current, step):
        while len(self.priority) <= max(*enabled, -1 if current is None else current):  # a thread the code started
            self.priority.append(-len(self.changes) - len(self.priority) - 1)
        while self.applied < len(self.changes) and self.changes[self.applied] <= step:
            if current is not None:
                self.priority[current] = -1 - self.applied
            self.applied += 1
        return max(enabled, key=self.priority.__getitem__)


class Choices:
    """Take `prefix[i]` at the i-th decision point, then keep the running thread (or the first that can run)."""

    def __init__(self, prefix=()):
        self.prefix = tuple(prefix)
        self.decisions = []  # (threads that could run, the running thread, the one chosen)

    def choose(self, enabled, current, step):
        if len(enabled) == 1:
            return enabled[0]
        position = len(self.decisions)
        if position < len(self.prefix) and self.prefix[position] in enabled:
            chosen = self.prefix[position]
        else:
            chosen = current if current in enabled else enabled[0]
        self.decisions.append((tuple(enabled), current, chosen))
        return chosen

    @property
    def taken(self):
        return tuple(chosen for _, _, chosen in self.decisions)


def bounded(attempt, preemptions, runs):
    """Run `attempt(strategy)` under every schedule with at most `preemptions` preemptions (a switch away from a
    thread that could have gone on), depth first, at most `runs` times; return the first result that is not None."""
    pending = [()]
    done = 0
    while pending and done < runs:
        prefix = pending.pop()
        strategy = Choices(prefix)
        result = attempt(strategy)
        done += 1
        if result is not None:
            return result
        spent = 0
        for position, (enabled, current, chosen) in enumerate(strategy.decisions):
            if position >= len(prefix):
                for other in enabled:
                    cost = spent + (current in enabled and other != current)
                    if other != chosen and cost <= preemptions:
                        pending.append(strategy.taken[:position] + (other,))
            spent += current in enabled and chosen != current
    return None
