"""The executor machine's fixed scenarios: what needs an executor of its own (max_workers refused, the context
manager, an executor broken by its initializer or by a dying worker, map()'s timeout expiring), so it cannot be a
step among the machine's random ones. The tour takes them; replay snippets call them by name
(`state.broken_by_crash()`), so they are methods the machine inherits from `Scenarios`.
"""
import functools
import operator
import threading
import uuid

from .. import gates
from ..collecting import Freed
from ..gates import Release
from ..judging import class_name, judged, show
from ..watchdog import Hang
from . import chunks, workers
from .model import Starts


UNSHUT = []  # executors never shut down, referenced until the process ends: dropping one would run its finalizer in
# the suite's own thread, outside the watchdog (executorlib's __del__ calls shutdown(), which can block for ever)


class Scenarios:
    """A mixin for ExecutorMachine, whose new_executor(), new_call() and claimed() it uses."""

    @judged
    def max_workers_validated(self):
        for bad in (0, -1):
            call = self.call(None, f"the adapter's new_executor({bad})", "EXEC-START-4", self.adapter.new_executor,
                             bad)
            self.expect("EXEC-START-4", isinstance(call.error, ValueError),
                        lambda: f"creating an executor with max_workers={bad} {call.describe()}; expected ValueError")

    @judged
    def context_manager(self):
        executor = self.new_executor(1)
        call = self.call(None, "with executor: … then submit()", "EXEC-SHUTDOWN-4", _enter_exit_submit, executor)
        self.expect("EXEC-SHUTDOWN-4", not call.raised and call.value[0] is executor,
                    lambda: f"`with executor` {call.describe()}; __enter__ must return the executor")
        self.expect("EXEC-SHUTDOWN-1", isinstance(call.value[1], RuntimeError),
                    lambda: f"submit() after leaving `with executor:` raised {show(call.value[1])}; "
                            "expected RuntimeError")
        executor = self.new_executor(1)
        try:
            call = self.call(None, "with executor: raise LookupError", "EXEC-SHUTDOWN-7", _raising_in_with, executor)
            self.expect("EXEC-SHUTDOWN-7", isinstance(call.error, _BodyError),
                        lambda: f"`with executor: raise {_BodyError.__name__}(…)` {call.describe()}; expected the "
                                "body's exception to leave the block")
        finally:
            self.discard(executor, [])

    @judged
    def broken_by_initializer(self):
        """EXEC-BROKEN-1: the initializer (a gate) raises while four calls wait, the third of them cancelled; the
        others break, the cancelled one stays cancelled, and every later submit() breaks."""
        initializer = self.new_call()
        executor = self.new_executor(1, gates.gated_initializer, (initializer.gate,))
        calls = [self.new_call() for _ in range(4)]
        try:
            self.submit_all(executor, calls)
            if not self.watchdog.wait("EXEC-START-1", initializer.gate.started,
                                      extra=self.adapter.executor_startup):
                self.fail("EXEC-START-1", "the initializer of an executor given four calls did not start")
            cancelled = calls[2]
            what = f"cancel() of {cancelled}, queued behind an initializer"
            cancel = self.call(None, what, "EXEC-CANCEL-1", cancelled.future.cancel)
            if cancel.value is not True and not self.claimed(cancelled, what):
                self.fail("EXEC-CANCEL-1", f"{what} {cancel.describe()}")
            broken = [c for c in calls if c is not cancelled or not cancel.value]
            initializer.gate.release(Release("raise", gates.InitializerFailed("futurespec: failing on purpose")))
            self.judge_broken(executor, broken, "the initializer raised, a queued call having been cancelled",
                              "EXEC-BROKEN-1")
            if cancel.value:
                after = self.call(None, f"cancelled() of {cancelled}", "CORE-QUERY-3", cancelled.future.cancelled)
                self.expect("EXEC-BROKEN-1", after.value is True,
                            lambda: f"the executor broke; cancelled() of {cancelled} {after.describe()}")
        finally:
            self.discard(executor, [initializer, *calls])

    @judged
    def broken_by_crash(self):
        """EXEC-BROKEN-2: a worker dies while running a call, five calls queued behind the two busy workers and the
        fourth of them cancelled (a process pool's call queue holds max_workers + 1 calls it no longer lets be
        cancelled, EXEC-RUN-2); every unfinished call breaks, the cancelled one stays cancelled, later submits break."""
        executor = self.new_executor(2)
        calls = [self.new_call() for _ in range(7)]
        try:
            self.submit_all(executor, calls[:2])
            if not self.watchdog.wait("EXEC-START-1", Starts(calls[:2], 2), extra=self.adapter.executor_startup):
                self.fail("EXEC-START-1", "two calls submitted to an idle executor with two workers did not start")
            self.submit_all(executor, calls[2:])
            cancelled = calls[5]
            what = f"cancel() of {cancelled}, queued behind two busy workers"
            cancel = self.call(None, what, "EXEC-CANCEL-1", cancelled.future.cancel)
            if cancel.value is not True and not self.claimed(cancelled, what):
                self.fail("EXEC-CANCEL-1", f"{what} {cancel.describe()}")
            broken = [c for c in calls if c is not cancelled or not cancel.value]
            calls[0].gate.release(Release("crash"))
            self.judge_broken(executor, broken, f"the worker running {calls[0]} died, a queued call having been "
                                                "cancelled", "EXEC-BROKEN-2")
            if cancel.value:
                after = self.call(None, f"cancelled() of {cancelled}", "CORE-QUERY-3", cancelled.future.cancelled)
                self.expect("EXEC-BROKEN-2", after.value is True,
                            lambda: f"the executor broke; cancelled() of {cancelled} {after.describe()}")
        finally:
            self.discard(executor, calls)

    def submit_all(self, executor, calls):
        """Submit each call to the scenario's own executor, keeping its future on it."""
        for c in calls:
            call = self.call(None, f"submit({c})", "EXEC-SUBMIT-1", executor.submit, gates.run_gate, c.gate)
            self.expect("EXEC-SUBMIT-1", not call.raised, lambda: f"submit({c}) {call.describe()}")
            c.future = call.value

    def judge_broken(self, executor, calls, what, clause):
        """After `what` broke the executor: the future of each of `calls` promptly fails with BrokenExecutor, and
        submit() raises it."""
        broken = self.role("BrokenExecutor")
        for c in calls:
            done = threading.Event()
            c.future.add_done_callback(lambda _, done=done: done.set())
            if not self.watchdog.wait(clause, done):
                self.fail(clause, f"the future of {c} was not done within {self.watchdog.waited:.2f} s "
                                  f"after {what}")
            error = self.call(None, f"exception(0) of {c}", clause, c.future.exception, 0)
            self.expect(clause, isinstance(error.value, broken),
                        lambda: f"after {what}, exception(0) of the future of {c} {error.describe()} "
                                f"{show(error.value)}; expected {class_name(broken)}")
        c = self.new_call()
        call = self.call(None, f"submit({c}) to the broken executor", clause, executor.submit, gates.run_gate, c.gate)
        c.gate.release(Release("return"))
        self.expect(clause, isinstance(call.error, broken),
                    lambda: f"submit() after {what} {call.describe()}; expected {class_name(broken)}")
        self.judge_broken_aftermath(executor, what, broken)

    def judge_broken_aftermath(self, executor, what, broken):
        """EXEC-BROKEN-5: map() on the broken executor raises like submit(); shutdown(wait=True) returns, quietly."""
        call = self.call(None, "map(abs, [-1]) on the broken executor", "EXEC-BROKEN-5", _map_where_raised, executor,
                         [-1])
        self.expect("EXEC-BROKEN-5", not call.raised and call.value[0] == "map()" and
                    isinstance(call.value[1], broken),
                    lambda: f"map(abs, [-1]) after {what} "
                            f"{call.describe() if call.raised else _where(*call.value)}; expected map() to raise "
                            f"{class_name(broken)}")
        call = self.call(None, "shutdown(wait=True) of the broken executor", "EXEC-BROKEN-5", executor.shutdown, True)
        self.expect("EXEC-BROKEN-5", not call.raised,
                    lambda: f"shutdown(wait=True) after {what} {call.describe()}; it must return quietly")

    @judged
    def map_timeout(self):
        """EXEC-MAP-5: once map()'s timeout has passed, next() on an unfinished item raises TimeoutError at once;
        EXEC-MAP-4: that TimeoutError ends the iterator, and the call queued behind the running one is cancelled (it
        has not run by the time shutdown(wait=True) returns). The wait here is the behaviour under test: the timeout
        must really expire."""
        seconds = self.limits.map_timeout
        executor = self.new_executor(1)
        c, queued = self.new_call("map"), self.new_call("map")
        try:
            call = self.call(None, f"map(timeout={seconds})", "EXEC-MAP-2",
                             functools.partial(executor.map, gates.run_gate, [c.gate, queued.gate], timeout=seconds))
            self.expect("EXEC-MAP-2", not call.raised, lambda: f"map(timeout={seconds}) {call.describe()}")
            if not self.watchdog.wait("EXEC-MAP-2", c.gate.started, extra=self.adapter.executor_startup):
                self.fail("EXEC-MAP-2", f"the first call of map(timeout={seconds}) on an idle executor with one "
                                        f"worker did not start within {self.watchdog.waited:.2f} s")
            threading.Event().wait(seconds)
            late = self.call(None, f"next() {seconds} s after map(timeout={seconds})", "EXEC-MAP-5", next, call.value)
            timeout_error = self.adapter.TimeoutError
            self.expect("EXEC-MAP-5", isinstance(late.error, timeout_error),
                        lambda: f"next() after map()'s timeout expired {late.describe()}; expected "
                                f"{class_name(timeout_error)}")
            self.expect("EXEC-MAP-5", late.elapsed < seconds / 2,
                        lambda: f"next() after map()'s timeout expired took {late.elapsed:.2f} s to raise; the "
                                f"timeout runs from the call to map(), so it must raise at once")
            for gated in (c, queued):  # a call not cancelled runs at once and returns: shutdown() cannot hang on it
                gated.gate.release(Release("return"))
            done = self.call(None, "shutdown(wait=True) after map()'s TimeoutError", "EXEC-SHUTDOWN-4",
                             executor.shutdown, True, extra=self.adapter.executor_startup)
            self.expect("EXEC-SHUTDOWN-4", not done.raised, lambda: f"shutdown(wait=True) {done.describe()}")
            self.expect("EXEC-MAP-4", not queued.gate.started.is_set(),
                        lambda: f"the call of map(timeout={seconds}) queued behind the running one ran after next() "
                                "raised the TimeoutError: the timeout ended the iterator, so it must be cancelled")
        finally:
            self.discard(executor, [c, queued])

    @judged
    def map_chunks(self):
        """EXEC-MAP-9: map() over several iterables stops at the shortest; EXEC-MAP-7: when every call returns,
        chunksize changes nothing; EXEC-MAP-3: a call raising loses at most the items of its own chunk before it. The
        functions are the standard library's or workers.py's, so that a process pool pickles them."""
        executor = self.new_executor(2)
        try:
            self.judge_map(executor, "EXEC-MAP-9", "map(pow, range(5), [2] * 7)", (pow, range(5), [2] * 7), {},
                           [i ** 2 for i in range(5)])
            for chunksize in (2, 3):
                self.judge_map(executor, "EXEC-MAP-7", f"map(operator.neg, range(7), chunksize={chunksize})",
                               (operator.neg, range(7)), {"chunksize": chunksize}, [-i for i in range(7)])
            for chunksize in (1, 2, 3):
                what = f"map(fails_on_five, range(8), chunksize={chunksize}) read until it raises, then next()"
                call = self.call(None, what, "EXEC-MAP-3", chunks.until_raised, executor, chunksize,
                                 extra=self.adapter.executor_startup)
                self.expect("EXEC-MAP-3", not call.raised and chunks.allowed(call.value, chunksize),
                            lambda: f"{what} {call.describe() if call.raised else chunks.shown(*call.value)}; "
                                    f"expected {chunks.expected(chunksize)}")
        finally:
            self.discard(executor, [])

    @judged
    def map_input_fails(self):
        """EXEC-MAP-11: map() itself raises what its input raised after two items, and what submit() raised once the
        input had shut the executor down after one."""
        for what, items, expected in (
                ("map(abs, <an iterable raising ValueError after two items>)", _raising_after_two, ValueError),
                ("map(abs, <an iterable shutting the executor down after one item>)", _shutting_down, RuntimeError)):
            if expected is RuntimeError and self.known_broken("EXEC-SHUTDOWN-1"):
                continue
            executor = self.new_executor(1)
            try:
                call = self.call(None, what, "EXEC-MAP-11", _map_where_raised, executor, items(executor),
                                 extra=self.adapter.executor_startup)
                self.expect("EXEC-MAP-11", not call.raised and call.value[0] == "map()" and
                            isinstance(call.value[1], expected),
                            lambda: f"{what} {call.describe() if call.raised else _where(*call.value)}; expected "
                                    f"map() to raise {expected.__name__}")
            finally:
                self.discard(executor, [])

    def judge_map(self, executor, clause, what, args, options, expected):
        call = self.call(None, f"list({what})", clause, _mapped, executor, args, options,
                         extra=self.adapter.executor_startup)
        self.expect(clause, not call.raised and call.value == expected,
                    lambda: f"list({what}) {call.describe()}; expected {expected}")

    @judged
    def submit_keywords(self):
        """EXEC-SUBMIT-4: keyword arguments named fn and self reach the call; the callable is positional-only."""
        executor = self.new_executor(1)
        try:
            what = "submit(arguments, 1, fn=2, self=3).result()"
            call = self.call(None, what, "EXEC-SUBMIT-4", _result, executor, (workers.arguments, 1),
                             {"fn": 2, "self": 3}, extra=self.adapter.executor_startup)
            self.expect("EXEC-SUBMIT-4", not call.raised and call.value == ((1,), {"fn": 2, "self": 3}),
                        lambda: f"{what} {call.describe()}; expected the call arguments(1, fn=2, self=3)")
            what = "submit(fn=arguments)"
            call = self.call(None, what, "EXEC-SUBMIT-4", functools.partial(executor.submit, fn=workers.arguments))
            self.expect("EXEC-SUBMIT-4", isinstance(call.error, TypeError),
                        lambda: f"{what} {call.describe()}; expected TypeError: the callable is positional-only")
        finally:
            self.discard(executor, [])

    @judged
    def default_workers(self):
        """EXEC-START-5: max_workers=None makes a working executor."""
        what = "the adapter's new_executor(None)"
        call = self.call(None, what, "EXEC-START-5", self.adapter.new_executor, None)
        self.expect("EXEC-START-5", not call.raised, lambda: f"{what} {call.describe()}")
        try:
            ran = self.call(None, "submit(abs, -1).result()", "EXEC-START-5", _result, call.value, (abs, -1), {},
                            extra=self.adapter.executor_startup)
            self.expect("EXEC-START-5", not ran.raised and ran.value == 1,
                        lambda: f"submit(abs, -1).result() on an executor made with max_workers=None {ran.describe()}")
        finally:
            self.discard(call.value, [])

    @judged
    def thread_names(self):
        """EXEC-START-8: every call of an executor given thread_name_prefix runs in a thread whose name begins with
        it (six calls submitted at once to three workers)."""
        if not self.applies("EXEC-START-8"):
            return
        prefix = f"futurespec-{uuid.uuid4().hex[:8]}"
        executor = self.new_executor(3, clause="EXEC-START-8", thread_name_prefix=prefix)
        try:
            what = f"the thread names six calls saw on an executor made with thread_name_prefix={prefix!r}"
            call = self.call(None, what, "EXEC-START-8", _results, executor, workers.thread_name, range(6),
                             extra=self.adapter.executor_startup)
            self.expect("EXEC-START-8", not call.raised and all(name.startswith(prefix) for name in call.value),
                        lambda: f"{what}: {call.value if not call.raised else call.describe()}")
        finally:
            self.discard(executor, [])

    @judged
    def initializer_once(self):
        """EXEC-INIT-1: each of six calls finds that its worker ran the initializer exactly once, before it;
        EXEC-INIT-2: a non-callable initializer is refused. The token is new for each executor, for thread idents
        and worker processes may be reused."""
        token = uuid.uuid4().hex
        executor = self.new_executor(2, workers.initialize, (token,))
        try:
            what = "the initializer runs counted by six calls"
            call = self.call(None, what, "EXEC-INIT-1", _results, executor, workers.initializations, [token] * 6,
                             extra=self.adapter.executor_startup)
            self.expect("EXEC-INIT-1", not call.raised and call.value == [1] * 6,
                        lambda: f"six calls on an executor with an initializer found that their worker had run it "
                                f"{call.value if not call.raised else call.describe()} times; expected once each")
        finally:
            self.discard(executor, [])
        if not self.applies("EXEC-INIT-2"):
            return
        what = "the adapter's new_executor(1, initializer=42)"
        call = self.call(None, what, "EXEC-INIT-2", self.adapter.new_executor, 1, 42, ())
        if not call.raised:
            self.discard(call.value, [])
        self.expect("EXEC-INIT-2", isinstance(call.error, TypeError),
                    lambda: f"{what} {call.describe()}; expected TypeError")

    @judged
    def map_drops_results(self):
        """EXEC-MAP-10: a result next() has returned, once dropped, is not kept alive by the iterator or the executor
        (judged after the calls behind it have run, so that no worker is still finishing its call). An implementation
        may let go of it asynchronously (dask): the machine waits for it to be freed, under the watchdog."""
        executor = self.new_executor(1)
        try:
            what = "map(Payload, range(3)): next(), dropping the result, next(), next()"
            call = self.call(None, what, "EXEC-MAP-10", _first_result_dropped, executor,
                             extra=self.adapter.executor_startup)
            self.expect("EXEC-MAP-10", not call.raised, lambda: f"{what} {call.describe()}")
            if call.raised:
                return
            freed = call.value[0]  # call.value holds the iterator too: alive while the result must be freed
            waiting = not self.known_broken("EXEC-MAP-10")
            if freed.wait(0) or (waiting and self.watchdog.wait("EXEC-MAP-10", freed,
                                                                 extra=self.adapter.executor_round_trip)):
                self.passed("EXEC-MAP-10")
            else:
                later = f" {self.watchdog.waited:.2f} s later" if waiting else ""
                self.fail("EXEC-MAP-10", f"{what}: the first result is still alive{later}, while the iterator is")
            call = None  # the iterator goes before the executor
        finally:
            self.discard(executor, [])

    @judged
    def unpicklable(self):
        """EXEC-PICKLE-1: a call whose callable, argument or result cannot be pickled fails, at submit() or in its
        future, and the executor goes on running calls."""
        executor = self.new_executor(1)
        cases = (("an unpicklable callable", (workers.Unpicklable(),)), ("an unpicklable argument",
                                                                       (id, workers.Unpicklable())),
                 ("a call with an unpicklable result", (workers.unpicklable_result,)))
        try:
            for what, args in cases:
                call = self.call(None, f"submit() of {what}, then result()", "EXEC-PICKLE-1", _outcome, executor,
                                 args, extra=self.adapter.executor_startup)
                self.expect("EXEC-PICKLE-1", not call.raised and isinstance(call.value, Exception),
                            lambda: f"submit() of {what}, then result(), {call.describe()} "
                                    f"{show(call.value)}; expected the pickling error")
                ran = self.call(None, f"submit(abs, -1).result() after {what}", "EXEC-PICKLE-1", _result, executor,
                                (abs, -1), {}, extra=self.adapter.executor_startup)
                self.expect("EXEC-PICKLE-1", not ran.raised and ran.value == 1,
                            lambda: f"after {what}, submit(abs, -1).result() {ran.describe()}; the executor must "
                                    "go on running calls")
        finally:
            self.discard(executor, [])

    def discard(self, executor, calls):
        """Unjudged: release every gate and shut the executor down, waiting for its workers, so that no worker of
        this example is still alive when the next one forks its own (a fork inherits the locks other threads hold).
        Workers that do not finish are terminated where the executor shows them (`_processes`, as the standard
        library's process pool does): a stuck worker process would otherwise hold up the interpreter's exit."""
        for c in calls:
            c.gate.release(Release("return"))
        try:
            self.watchdog.call("shutdown(wait=True)", executor.shutdown, True, kind="release")
        except Hang:  # it hung, or the hang budget is spent and it was not attempted
            UNSHUT.append(executor)
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.terminate()


def _first_result_dropped(executor):
    """What map_drops_results waits for (the first result freed) and the iterator, still alive."""
    iterator = executor.map(workers.Payload, range(3))
    freed = Freed(next(iterator))
    next(iterator), next(iterator)
    return freed, iterator


def _raising_after_two(_executor):
    yield -1
    yield -2
    raise ValueError("futurespec: the input fails")


def _shutting_down(executor):
    yield -1
    executor.shutdown(wait=False)
    yield -2


def _map_where_raised(executor, items):
    """("map()", error) when map() raised, ("next()", error) when its iterator did, ("the iterator", results) when
    nothing raised."""
    try:
        iterator = executor.map(abs, items)
    except Exception as error:  # an observation
        return "map()", error
    try:
        return "the iterator", list(iterator)
    except Exception as error:  # an observation
        return "next()", error


def _where(where, value):
    return f"yielded {value!r}" if where == "the iterator" else f"raised {show(value)} at {where}"


def _outcome(executor, args):
    try:
        return executor.submit(*args).result()
    except Exception as error:  # an observation: the pickling error, from submit() or from result()
        return error


def _result(executor, args, kwargs):
    return executor.submit(*args, **kwargs).result()


def _results(executor, fn, items):
    return [future.result() for future in [executor.submit(fn, item) for item in items]]


def _mapped(executor, args, options):
    return list(executor.map(*args, **options))


class _BodyError(LookupError):
    """What the body of a `with executor:` block raises (EXEC-SHUTDOWN-7): a class of the suite's own, so it is
    never mistaken for an error of the implementation."""


def _raising_in_with(executor):
    with executor:
        raise _BodyError("futurespec: raised in the body of `with executor:`")


def _enter_exit_submit(executor):
    with executor as entered:
        pass
    try:
        executor.submit(workers.arguments)
    except BaseException as error:  # an observation
        return entered, error
    return entered, None
