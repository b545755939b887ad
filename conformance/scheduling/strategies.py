"""Which thread runs next: the schedules the suite explores.

A schedule is plain data, so Hypothesis draws it, shrinks it and prints it in a replayable step:

- `PCT` — probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each thread gets a priority, the
  highest-priority thread that can run always runs, and at `changes` (step numbers) the running thread drops below
  every other. A bug that needs d ordering constraints among n threads and k steps is found with probability at
  least 1/(n·k^(d-1)) per schedule, whatever the OS does.
- `Choices` — follow given choices at the decision points (where more than one thread can run), then run without
  preempting; it records the decision points, which `bounded()` branches on to visit every schedule with at most
  a given number of preemptions, fewest first (the iterative preemption bounding of CHESS, for small scenarios).

Both record the choice taken at every decision point (`taken`), so any schedule that broke a clause replays as
`Choices(taken)`, and `shrunk()` cuts it down to the fewest preemptions that still break it.
"""
import heapq
import itertools


class _Recorded:
    """The decision points of a run: (threads that could run, the running thread, the one chosen), and where each
    was (`places`: the running thread's switch point, or what it blocked on)."""

    @property
    def taken(self):
        return tuple(chosen for _, _, chosen in self.decisions)

    @property
    def sparse(self):
        """The choices the default would not have made, {decision point: thread}: `Choices(sparse)` replays the run."""
        return {position: d[2] for position, d in enumerate(self.decisions) if d[2] != _default(d)}


class PCT(_Recorded):
    """Priorities (one per thread, higher runs first) and the steps at which the running thread is demoted."""

    def __init__(self, priorities, changes):
        self.priority = list(priorities)
        self.changes = sorted(changes)
        self.applied = 0
        self.upcoming = self.changes[0] if self.changes else float("inf")  # the next change point
        self.decisions, self.places = [], []

    def choose(self, enabled, current, step, where=None):
        priority = self.priority
        while len(priority) <= max(enabled[-1], -1 if current is None else current):  # a thread the code started
            priority.append(-len(self.changes) - len(priority) - 1)  # (enabled comes in order)
        if self.upcoming <= step:
            changes = self.changes
            while self.applied < len(changes) and changes[self.applied] <= step:
                if current is not None:
                    priority[current] = -1 - self.applied
                self.applied += 1
            self.upcoming = changes[self.applied] if self.applied < len(changes) else float("inf")
        if len(enabled) == 1:
            return enabled[0]
        chosen = max(enabled, key=priority.__getitem__)
        self.decisions.append((tuple(enabled), current, chosen))
        self.places.append(where)
        return chosen


class Choices(_Recorded):
    """Take `prefix[i]` at the i-th decision point, then keep the running thread (or the first that can run). A dict
    {decision point: thread} (`sparse`, as counterexamples print it) names only the choices the default would not
    make."""

    def __init__(self, prefix=()):
        self.prefix = dict(prefix) if isinstance(prefix, dict) else tuple(prefix)
        self.through = (max(self.prefix, default=-1) + 1) if isinstance(self.prefix, dict) else len(self.prefix)
        self.decisions, self.places = [], []  # (`through`: the decision points the prefix may name)

    def choose(self, enabled, current, step, where=None):
        if len(enabled) == 1:
            return enabled[0]
        decisions = self.decisions
        position = len(decisions)
        wanted = self.prefix.get(position) if position < self.through and isinstance(self.prefix, dict) else (
            self.prefix[position] if position < self.through else None)
        chosen = wanted if wanted in enabled else current if current in enabled else enabled[0]  # else: _default
        decisions.append((tuple(enabled), current, chosen))
        self.places.append(where)
        return chosen


def bounded(attempt, preemptions, runs, shuffle=None, deepest=None):
    """Run `attempt(strategy)` under every schedule with at most `preemptions` preemptions (a switch away from a
    thread that could have gone on), fewest preemptions first — every schedule with none, then every one with one, …
    — at most `runs` times (with `deepest`: at most `runs` with fewer than `preemptions`, then at most `deepest` with
    that many); return the first result that is not None. A budget too small for a level spends what is left of it
    on that level's schedules spread like `switched_once()` spreads the first level: sequences of switch places not
    visited before first (a place as (the running thread's switch point, the two threads)), then second
    occurrences, and so on; within a tier, every schedule's first extension (its next switch the earliest after its
    last), then every one's second, … — or in an order `shuffle` (a random.Random) draws. A schedule is a prefix of
    choices (`Choices`), branched on as its run found them: the same code visits the same schedules in the same
    order, run after run."""
    found = itertools.count()
    pending, seen = [(0, 0, 0, next(found), (), ())], {}  # (preemptions, tier, order, tie, prefix, switch places)
    done = [0] * (preemptions + 1)  # schedules run, by their preemptions
    while pending:
        cost, _, _, _, prefix, places = heapq.heappop(pending)
        if deepest is not None and cost == preemptions:
            if done[cost] >= deepest:
                break
        elif sum(done if deepest is None else done[:-1]) >= runs:
            if deepest is None:
                break
            continue  # the budget of the shallower levels is spent: on to the deepest, whose schedules are queued
        strategy = Choices(prefix)
        result = attempt(strategy)
        done[cost] += 1
        if result is not None:
            return result
        rank = itertools.count()
        for position, ((enabled, current, chosen), place) in enumerate(zip(strategy.decisions, strategy.places)):
            if position < len(prefix):
                continue
            for other in enabled:
                more = cost + (current in enabled and other != current)  # the choices after the prefix preempt none
                if other != chosen and more <= preemptions:
                    key = places + ((place, current, other),)
                    seen[key] = seen.get(key, -1) + 1
                    heapq.heappush(pending, (more, seen[key], shuffle.random() if shuffle else next(rank),
                                             next(found), strategy.taken[:position] + (other,), key))
    return None


def switched_once(run, shuffle=None):
    """The choices of every schedule that departs from a run (a strategy that recorded it) at one decision point,
    taking another thread there and going on without preempting: the first level of `bounded()`'s search, in the
    order to visit them when a scenario is too long to visit them all. A switch at a place not switched at before
    (the same point of the running thread's code, the same two threads) comes first, its second occurrence after
    every first one, and so on: a loop's later rounds, or the same line run for another future, rarely open a
    window the first did not. `shuffle` (a random.Random) orders each of those tiers."""
    taken, seen, tiers = run.taken, {}, []
    for position, ((enabled, current, chosen), place) in enumerate(zip(run.decisions, run.places)):
        for other in enabled:
            if other != chosen:
                key = (place, current, other)
                seen[key] = seen.get(key, -1) + 1
                tiers.append((seen[key], taken[:position] + (other,)))
    if shuffle is not None:
        shuffle.shuffle(tiers)
    return [choices for _, choices in sorted(tiers, key=lambda tier: tier[0])]


def preemptions(decisions):
    """How many of the decisions switched away from a thread that could have gone on."""
    return sum(current in enabled and chosen != current for enabled, current, chosen in decisions)


def shrunk(attempt, strategy, runs):
    """The choices of a schedule with as few preemptions as can be found that still breaks what `strategy` broke
    (`attempt(Choices)` is True when it does), without the trailing ones the default would make anyway: each step
    drops one preemption (keeping the choices after it, else the default from there on) and keeps the schedule only
    if it still breaks; at most `runs` runs. `Choices(result)` replays it."""
    best, done, changed = strategy, 0, True
    while changed and done < runs:
        changed = False
        decisions, taken = best.decisions, best.taken
        candidates = [()] + [candidate for position, (enabled, current, chosen) in reversed(list(enumerate(decisions)))
                             if current in enabled and chosen != current
                             for candidate in (taken[:position] + (current,) + taken[position + 1:],
                                               taken[:position] + (current,))]
        for prefix in candidates:
            if done >= runs:
                break
            trial = Choices(prefix)
            done += 1
            if attempt(trial) and preemptions(trial.decisions) < preemptions(best.decisions):
                best, changed = trial, True
                break
    taken = best.taken
    shortest = len(taken)
    while shortest and taken[shortest - 1] == _default(best.decisions[shortest - 1]):
        shortest -= 1
    return taken[:shortest]


def _default(decision):
    enabled, current, _ = decision
    return current if current in enabled else enabled[0]
