"""One race scenario on a future, run under the controlled scheduler, and the judgement of what its threads saw.

A scenario is plain data: a sequential prefix, then two or three threads of one to three operations each on one
shared future, then a final look at the future (done(), cancelled(), running(), exception(0)). Every operation
records when it was called and when it returned (on one clock: only one thread runs at a time) and what it did.
The outcome must be *linearizable* against the spec's sequential model (model.py): some serial order of the calls,
keeping every call that returned before another was called before it, in which each call does what the model
prescribes — a blocking result() included: it is placed where the future is done, and a timed one that timed out
where it is not. Callbacks must run exactly once, in the completing call or, on a done future, in the registering
call. A waiter whose timeout the scheduler fired after a completion had returned was not woken (CF-BLOCK-2).
"""
import itertools
from dataclasses import dataclass, field, replace
from typing import Any

from ..scheduling import primitives, scheduler
from ..scheduling.scheduler import Abandoned
from .model import FutureModel

TRANSITIONS = ("set_result", "set_exception", "cancel", "set_running_or_notify_cancel")
QUERIES = ("done", "cancelled", "running")
READS = {"result": ("result", None), "exception": ("exception", None), "result(timeout)": ("result", "short"),
         "exception(timeout)": ("exception", "short"), "result(0)": ("result", 0)}
OPERATIONS = (*TRANSITIONS, "add_done_callback", *QUERIES, *READS)
PREFIXES = ("set_running_or_notify_cancel", "add_done_callback", "cancel")
FINAL = ("done", "cancelled", "running", "exception(0)")
READS["exception(0)"] = ("exception", 0)
NEEDS_RUNNING = ("set_running_or_notify_cancel", "running")
CLAUSE = {"set_result": "CF-ATOMIC-1", "set_exception": "CF-ATOMIC-1", "cancel": "CF-ATOMIC-1",
          "set_running_or_notify_cancel": "CF-ATOMIC-2", "add_done_callback": "CF-ATOMIC-3",
          "done": "CF-ATOMIC-4", "cancelled": "CF-ATOMIC-4", "running": "CF-ATOMIC-4"}


def normalized(prefix, threads, running_state=True):
    """The scenario the suite can run: without RUNNING-state operations if the future has none, and an untimed read
    only where another thread, itself never blocked for ever, completes the future (else the read is timed: a
    waiter nobody wakes is a bug only if somebody completed the future)."""
    if not running_state:
        prefix = tuple(op for op in prefix if op not in NEEDS_RUNNING)
        threads = tuple(t for t in (tuple(op for op in ops if op not in NEEDS_RUNNING) for ops in threads) if t)
    untimed = [any(READS.get(op, (0, 0))[1] is None and op in READS for op in ops) for ops in threads]
    completes = [not u and bool({"set_result", "set_exception"} & set(ops)) for u, ops in zip(untimed, threads)]
    result = []
    for index, ops in enumerate(threads):
        woken = any(c for other, c in enumerate(completes) if other != index)
        result.append(tuple(op if woken or op not in ("result", "exception") else f"{op}(timeout)" for op in ops))
    return tuple(prefix), tuple(result)


@dataclass
class Call:
    """One operation of the scenario and what it did."""

    thread: int  # 0: the prefix, 1..n: the racing threads, n+1: the final look
    name: str
    argument: Any = None
    probe: Any = None
    called: float = float("inf")
    returned: float = float("inf")
    called_step: int = 0
    returned_step: int = 0
    value: Any = None
    error: Any = None
    fired: bool = False  # the scheduler fired a timeout in this call (it waited, and nothing could wake it)

    @property
    def finished(self):
        return self.returned != float("inf")

    def show(self):
        if not self.finished:
            return f"{self.name}: still blocked"
        if self.name == "add_done_callback":
            return f"add_done_callback(cb{self.probe.number}) → {len(self.probe.calls)} call(s) " + \
                ", ".join(f"by T{t}" for t, _ in self.probe.calls)
        outcome = f"raises {type(self.error).__name__}" if self.error is not None else f"→ {self.value!r}"
        return f"{self.name} {outcome}" + (" (timeout fired)" if self.fired else "")


class Token:
    """A result or an exception's identity, readable in a counterexample."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


class Probe:
    """A done-callback that records the scenario thread and clock of each call. The scenario's first one is
    *patient* (CF-CB-8): it offers a switch point, then waits until every call another thread made on the future
    since it started — calls that find the future done, and must not wait for a callback — has returned. If the
    completing call holds the future's lock while callbacks run, that is a deadlock the scheduler sees at once."""

    def __init__(self, scenario, number):
        self.scenario = scenario
        self.number = number
        self.calls = []
        self.waiting = False

    def __call__(self, future):
        worker = scheduler.managed()
        thread = None if worker is None else self.scenario.thread_of[worker.index]
        started = self.scenario.tick()
        self.calls.append((thread, started))
        if self.number == 1 and worker is not None:
            primitives.wait_until(lambda: False, "a callback's switch point", 0)
            self.waiting = True
            primitives.wait_until(lambda: all(c.finished for c in self.scenario.calls
                                              if c.thread != thread and started < c.called != float("inf")),
                                  "a callback waiting for the calls made while it runs")
            self.waiting = False


class Scenario:
    """A scenario being run: its calls, in one list, and the clock they are timed with."""

    def __init__(self, adapter, prefix, threads, short_timeout):
        self.adapter = adapter
        self.short_timeout = short_timeout
        self.clock = itertools.count()
        self.probes = itertools.count(1)
        self.threads = [[self.make(0, op) for op in prefix]]
        self.threads += [[self.make(i, op) for op in ops] for i, ops in enumerate(threads, 1)]
        self.threads.append([self.make(len(threads) + 1, op) for op in FINAL
                             if op != "running" or "running-state" in adapter.capabilities])
        self.calls = [call for calls in self.threads for call in calls]
        self.future = None
        self.thread_of = {}  # scheduler worker index -> scenario thread, in the phase being run

    def tick(self):
        return next(self.clock)

    def make(self, thread, name):
        call = Call(thread, name)
        if name == "set_result":
            call.argument = Token(f"result-of-T{thread}")
        elif name == "set_exception":
            call.argument = ValueError(f"set by T{thread}")
        elif name == "add_done_callback":
            call.probe = call.argument = Probe(self, next(self.probes))
        return call

    def body(self, calls, create=False):
        def run():
            if create:
                self.future = self.adapter.new_future()
            for call in calls:
                self.perform(call)
        return run

    def perform(self, call):
        sched = scheduler.ACTIVE
        call.called, call.called_step = self.tick(), sched.steps
        fired = len(sched.timeouts)
        try:
            call.value = self.method(call)(*([] if call.argument is None else [call.argument]))
        except Abandoned:
            raise
        except BaseException as error:  # any outcome is an observation
            call.error = error
        call.returned, call.returned_step = self.tick(), sched.steps
        call.fired = any(t == sched.current.index for t, _ in sched.timeouts[fired:])

    def method(self, call):
        future, name = self.future, call.name
        if name in READS:
            method, timeout = READS[name]
            return lambda: getattr(future, method)(self.short_timeout if timeout == "short" else timeout)
        if name in ("cancel", "add_done_callback", *QUERIES):
            return getattr(future, name)
        return lambda *args: getattr(self.adapter, name)(future, *args)

    def run(self, modules, files, strategy, limit):
        """Run the prefix, the racing threads under `strategy`, and the final look; the racing phase's Outcome, or
        the first phase that did not finish."""
        with primitives.installed(modules):
            for phase, (threads, chosen) in enumerate(((self.threads[:1], None), (self.threads[1:-1], strategy),
                                                      (self.threads[-1:], None))):
                first = self.threads.index(threads[0])
                self.thread_of = {i: first + i for i in range(len(threads))}
                sched = scheduler.Scheduler(chosen or _Sequential(), files, limit)
                outcome = sched.run([self.body(calls, create=phase == 0) for calls in threads])
                if phase == 1:
                    racing = outcome
                if outcome.status != "finished":
                    return outcome
        return racing


class _Sequential:
    def choose(self, enabled, current, step, where=None):
        return enabled[0]


# -- judging -----------------------------------------------------------------------------------------------------


@dataclass
class _State:
    model: FutureModel = field(default_factory=FutureModel)
    queued: tuple = ()  # add_done_callback calls whose callbacks wait for completion


def linearizable(calls, roles, callbacks=True, free=None):
    """Whether some serial order of `calls` (keeping real-time order) does what the model prescribes; the call
    `free`, if given, may have had any outcome (whether the others are explained without it)."""
    seen = set()

    def search(left, state):
        if not left:
            return not callbacks or all(not c.probe.calls for c in state.queued)
        key = (frozenset(id(c) for c in left), state.model.state, id(state.model.result), id(state.model.exception),
               tuple(id(c) for c in state.queued))
        if key in seen:
            return False
        seen.add(key)
        deadline = min(c.returned for c in left)
        for call in left:
            if call.called > deadline:
                continue
            rest = [c for c in left if c is not call]
            for after in (_freed(call, state) if call is free else (_apply(call, state, roles, callbacks),)):
                if after is not None and search(rest, after):
                    return True
        return False

    return search(list(calls), _State())


def _freed(call, state):
    """The states after a call whose outcome is left free: nothing happened, or what the model says happens."""
    yield state
    if call.name in TRANSITIONS and not state.model.step(call.name).raises:
        model = replace(state.model)
        model.apply(call.name, call.argument)
        yield _State(model, () if model.done else state.queued)


def _ran_once_in(call, thread, during):
    calls = call.probe.calls
    return len(calls) == 1 and calls[0][0] == thread and during.called < calls[0][1] < during.returned


def _apply(call, state, roles, callbacks):
    model, name = state.model, call.name
    if name in TRANSITIONS:
        step = model.step(name)
        if step.raises:
            if not isinstance(call.error, Exception):
                return None
        elif call.error is not None or call.value is not step.returns:
            return None
        model = replace(model)
        model.apply(name, call.argument)
        if step.completes:
            if callbacks and not all(_ran_once_in(q, call.thread, call) for q in state.queued):
                return None
            return _State(model)
        return _State(model, state.queued)
    if name == "add_done_callback":
        if call.error is not None:
            return None
        if model.done:
            return state if not callbacks or _ran_once_in(call, call.thread, call) else None
        return _State(model, state.queued + (call,))
    if name in QUERIES:
        return state if call.error is None and call.value is getattr(model, name) else None
    method, timeout = READS[name]
    read = model.read(method, 1.0 if timeout == "short" else timeout)
    if read.blocks:
        return None
    if read.times_out:
        return state if isinstance(call.error, roles.TimeoutError) else None
    if isinstance(read.raises, str):
        return state if isinstance(call.error, getattr(roles, read.raises)) else None
    if read.raises is not None:
        return state if call.error is read.raises else None
    return state if call.error is None and call.value is read.returns else None


def verdict(scenario, outcome):
    """(clause, what went wrong) for a run, or None when it is correct."""
    roles, calls = scenario.adapter, scenario.calls
    racing = [c for t in scenario.threads[1:-1] for c in t]
    if outcome.status == "deadlock":
        stuck = [c for c in calls if c.called != float("inf") and not c.finished]
        clause = next((CLAUSE.get(c.name, "CF-BLOCK-2") for c in stuck if c.name not in READS), "CF-BLOCK-2")
        patient = [c for c in calls if c.probe is not None and c.probe.waiting]
        if patient:
            clause = "CF-CB-8"
        return clause, "every thread is blocked: " + "; ".join(
            f"T{c.thread} in {c.name} (on {outcome.blocked.get(c.thread - 1, 'a lock')})" for c in stuck) + (
            "; callback 1 was waiting for the others' calls, which waited for it" if patient else "")
    completions = [c for c in calls if c.name in ("set_result", "set_exception", "cancel") and c.finished
                   and c.error is None and c.value is not False]
    for call in racing:
        if call.name in READS and call.fired and isinstance(call.error, roles.TimeoutError):
            fired_at = max(step for t, step in outcome.timeouts if t == call.thread - 1 and step <= call.returned_step)
            done_before = [c for c in completions if c.returned_step <= fired_at and c.returned < call.returned]
            if done_before:
                return "CF-BLOCK-2", (f"T{call.thread}'s {call.name} was still waiting, and timed out, after "
                                      f"T{done_before[0].thread}'s {done_before[0].name}() had completed the future")
    kinds = [TRANSITIONS + ("add_done_callback",), None, tuple(READS), ("done",), ("cancelled",), ("running",)]
    included = []
    for level, kind in enumerate(kinds):
        if kind is not None:
            included += [c for c in calls if c.name in kind]
        if linearizable(included, roles, callbacks=level > 0):
            continue
        names = {c.name for c in racing}
        if level == 0:
            clause = _transition_clause(included, racing, roles)
        elif level == 1:
            clause = "CF-ATOMIC-3" if "add_done_callback" in names else "CF-ATOMIC-1"
        else:
            clause = _read_clause(included, racing)
        return clause, "no serial order of the calls does what they did" + (
            " (each callback runs exactly once, in the completing call or, on a done future, at once)"
            if level == 1 else "")
    return None


def _transition_clause(calls, racing, roles):
    """The clause of the transition whose outcome no serial order explains: a racing one that, its outcome left
    free, leaves the others explained. set_running_or_notify_cancel() breaks CF-ATOMIC-2, any other CF-ATOMIC-1."""
    culprits = {c.name for c in racing if c.name in TRANSITIONS and linearizable(calls, roles, False, free=c)}
    if not culprits:  # no single call to blame: the pair of CF-ATOMIC-2 if it raced, else CF-ATOMIC-1
        culprits = {c.name for c in racing} & {"set_running_or_notify_cancel"} if "cancel" in {
            c.name for c in racing} else set()
    return "CF-ATOMIC-2" if "set_running_or_notify_cancel" in culprits else "CF-ATOMIC-1"


def _read_clause(calls, racing):
    """A blocking read that returned before any completion was even called broke CF-BLOCK-1; any other read or query
    that no serial order explains saw a transition half-way (CF-ATOMIC-4)."""
    reads = [c for c in racing if c.name in READS and READS[c.name][1] != 0 and c.error is None]
    early = [r for r in reads if not any(c.name in ("set_result", "set_exception", "cancel") and c.called < r.returned
                                         for c in calls)]
    return "CF-BLOCK-1" if early else "CF-ATOMIC-4"
