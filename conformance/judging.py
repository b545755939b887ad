"""What every profile's state machine shares: the run context, describing values safely, and the judging
plumbing that turns an observation into a check of a named clause (or a hang into a verdict)."""
import functools
from dataclasses import dataclass, field

from hypothesis import currently_in_test_context, reject
from hypothesis.stateful import Bundle, RuleBasedStateMachine, rule

from .describing import class_name, describe, show  # noqa: F401 (the machines import them from here)
from .ledger import ClauseViolation, Muted
from .progress import Progress
from .watchdog import CallResult, Hang


@dataclass
class RunContext:
    """Everything one run shares: the adapter under test, the ledger, the watchdog, the time limits, and where the
    run tells what it is doing (progress.py)."""

    adapter: object
    ledger: object
    watchdog: object
    limits: object
    progress: Progress = field(default_factory=Progress)


def judged(method):
    """Run a step of a machine. What the step is about — its future `f`, and whatever it adds to `self.concerned` —
    is retired by a muted violation: the step stops, nothing it did to them is judged again, and the example goes on.
    A real violation marks the example as failing. Steps on a retired future are skipped, and every step once the
    machine has abandoned its subject (`abandoned`: an executor a muted violation left in a state the model cannot
    follow)."""

    @functools.wraps(method)
    def step(self, *args, **kwargs):
        tracked = kwargs.get("f")
        if (tracked is not None and tracked.retired) or self.abandoned:
            return None
        outer, self.concerned = self.concerned, [tracked] if tracked is not None else []
        try:
            return method(self, *args, **kwargs)
        except Muted:
            self.retire(self.concerned)
            return None
        except ClauseViolation:
            self.failing = True
            raise
        finally:
            self.concerned = outer

    return step


def opening(method):
    """Run an @initialize rule: what it makes (an executor, the combinator under test) is what every later step
    judges, so a muted violation there leaves nothing to judge. Hypothesis discards the example (a search where every
    example is discarded ends that machine's search, see runner._search); a tour's walk ends (tour.take). Under
    Hypothesis, the step is told to the run's progress, which sees the other rules' steps as Hypothesis draws them."""

    @functools.wraps(method)
    def step(self, *args, **kwargs):
        if currently_in_test_context():  # Hypothesis draws these apart from the rules: progress.Stream cannot see them
            shown = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
            self.context.progress.step(f"state.{method.__name__}({shown})")
        try:
            return method(self, *args, **kwargs)
        except Muted:
            self.failing = True  # teardown releases what was made, without judging it
            if currently_in_test_context():
                reject()
            raise

    return step


class Judge(RuleBasedStateMachine):
    """A state machine that judges an implementation: every observation becomes a check of a named clause."""

    context: RunContext = None  # bound per run: see bound()
    REENTRY_CLAUSE = ""  # the clause broken by deadlocking while a callback calls back into the future

    @classmethod
    def bound(cls, context):
        """This machine's class bound to one run's adapter, ledger, watchdog and limits; it keeps its name, which
        reports and replay snippets show. Its teardown is a step the run's progress is told about."""
        def teardown(self):
            context.progress.step("state.teardown()")
            try:
                cls.teardown(self)
            finally:
                context.progress.example_done(self.ledger)

        return type(cls.__name__, (cls,), {"context": context, "teardown": teardown})

    def __init__(self):
        super().__init__()
        self.context.progress.example(self)
        self.adapter = self.context.adapter
        self.ledger = self.context.ledger
        self.watchdog = self.context.watchdog
        self.limits = self.context.limits
        self.failing = False
        self.abandoned = False  # see judged()
        self.concerned = []  # what the running judged step is about: retired if it meets a muted violation

    def retire(self, items):
        """Stop judging `items` (futures, calls, entries: anything with a `retired` flag); a machine whose items hold
        resources (a gate to release) extends this."""
        for item in items:
            item.retired = True

    def judging(self, items, judge, *args, **kwargs):
        """Run one judgement about `items` inside a step: a muted violation retires them and the step goes on."""
        try:
            judge(*args, **kwargs)
        except Muted:
            self.retire(items)

    def applies(self, clause_id):
        return clause_id in self.ledger.applicable

    def expect(self, clause_id, condition, message):
        if self.applies(clause_id):
            self.ledger.expect(clause_id, condition, message)

    def passed(self, clause_id):
        if self.applies(clause_id):
            self.ledger.passed(clause_id)

    def known_broken(self, clause_id):
        """Whether a muted clause has already been seen broken in this run: waiting for it again would only spend
        the time limit (a declared deviation is still waited for until it has reproduced once)."""
        return clause_id in self.ledger.muted and bool(self.ledger.violations[clause_id])

    def fail(self, clause_id, message):
        self.ledger.violated(clause_id, message)

    def fail_first(self, clause_ids, message):
        """Blame the first not-yet-muted clause of several that one observation breaks, so that each of them gets
        its own verdict once the ones before it are known."""
        for clause_id in clause_ids:
            if self.applies(clause_id) and clause_id not in self.ledger.muted:
                self.fail(clause_id, message)
        self.fail(clause_ids[0], message)

    def call(self, f, what, clause_id, fn, *args, extra=0.0):
        """Call into the implementation under the watchdog; a hang is a violation of the clause at stake."""
        try:
            return self.watchdog.call(what, fn, *args, kind=clause_id, extra=extra)
        except Hang as hang:
            self.deadlocked(f, clause_id, f"{hang}: the implementation appears to be deadlocked")

    def deadlocked(self, f, clause_id, message):
        if f is not None and any(p.inside for p in f.probes):
            self.fail(self.REENTRY_CLAUSE, f"{message}, while a callback was calling back into the future")
        self.fail(clause_id, message)

    def role(self, name):
        return {"Exception": Exception, "RuntimeError": RuntimeError, "TypeError": TypeError}.get(name) or \
            getattr(self.adapter, name)


def _ask(future, names):
    """Each query's CallResult, asked in one call under the watchdog: a state check costs one hand-off to the
    watchdog's worker thread, not one per query (the queries are most of the calls a run makes)."""
    answers = []
    for name in names:
        answer = CallResult()
        try:
            answer.value = getattr(future, name)()
        except BaseException as error:  # the implementation may raise anything; it is an observation
            answer.error = error
        answers.append(answer)
    return answers


class JudgingMachine(Judge):
    """A Judge of futures: subclasses add the rules of one profile.

    A subclass names the class that tracks one future (`Tracked`: built from the future, with `model`, `probes` and
    `retired`), how the adapter makes a future (`new_future_arguments`), and what to check of a new one
    (`check_new`)."""

    Tracked = None
    futures = Bundle("futures")

    def __init__(self):
        super().__init__()
        self.tracked = []

    # -- futures and their state ------------------------------------------------------------------------------------

    @rule(target=futures)
    def new_future(self):
        f = self.Tracked(None)
        self.tracked.append(f)
        self.create(f=f)
        return f

    @judged
    def create(self, f):
        call = self.call(f, "the adapter's new_future()", "CORE-STATE-1", self.adapter.new_future,
                         *self.new_future_arguments())
        self.expect("CORE-STATE-1", not call.raised, lambda: f"the adapter's new_future() {call.describe()}")
        f.future = call.value
        self.check_state(f, "a new future", ["CORE-STATE-1"])
        self.check_new(f)

    def new_future_arguments(self):
        return ()

    def check_new(self, f):
        """Profile-specific checks of a new future."""

    def queries(self, model):
        """(query method, the value the model expects, the clause it is judged by)."""
        return [("done", model.done, "CORE-QUERY-1"), ("cancelled", model.cancelled, "CORE-QUERY-2")]

    def check_state(self, f, context, clauses=()):
        """Compare the queries with the model. A mismatch breaks the clauses of the operation that led here (if
        any), and the query's own clause."""
        queries = self.queries(f.model)
        names = [name for name, _, _ in queries]
        batch = self.call(f, "/".join(f"{name}()" for name in names), "CORE-QUERY-3", _ask, f.future, names)
        for (name, expected, query_clause), call in zip(queries, batch.value):
            self.expect("CORE-QUERY-3", not call.raised, lambda: f"{name}() {call.describe()}")
            if call.value is not expected:
                self.fail_first([*clauses, query_clause], f"{context}: {name}() returned {show(call.value)}, but "
                                                          f"the future is {f.model.state.value} (expected {expected})")
            for clause_id in (*clauses, query_clause):
                self.passed(clause_id)

    def judge_read(self, read, value, error, what):
        """Compare what result()/exception() did with what the model prescribes: raise a class of the profile
        (`read.raises` names its role), raise the very exception set, or return the very object set."""
        if isinstance(read.raises, str):
            cls = self.role(read.raises)
            self.expect(read.clause, isinstance(error, cls),
                        lambda: f"{what} {describe(value, error)}; expected {class_name(cls)}")
        elif read.raises is not None:
            self.identity(read.clause, error is read.raises, type(error) is type(read.raises),
                          lambda: f"{what} {describe(value, error)}; expected it to raise the exception that was "
                                  f"set ({show(read.raises)})")
        else:
            self.identity(read.clause, error is None and value is read.returns,
                          error is None and type(value) is type(read.returns),
                          lambda: f"{what} {describe(value, error)}; expected it to return {show(read.returns)}, "
                                  "the very object that was set")

    def identity(self, clause_id, same_object, same_type, message):
        """A right-looking but different object breaks CORE-OUTCOME-1; anything else breaks the read's clause."""
        if not same_object and same_type:
            self.fail("CORE-OUTCOME-1", message() + " (an equal-looking object, not the same one)")
        self.expect(clause_id, same_object, message)
        self.passed("CORE-OUTCOME-1")
