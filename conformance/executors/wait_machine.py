"""The machine for wait() and as_completed() (spec/executors.md §7–8), over futures the machine completes itself.

Completing futures by hand (set_result, set_exception, cancel, set_running_or_notify_cancel) makes every
observation exact. A wait() or as_completed() the machine starts in a helper thread must return (or yield)
promptly once the machine has met its condition (model.py), and must not have returned while it was unmet; one called
on the machine's own thread with a timeout must return at once with exactly the futures that are done.
"""
import threading
import time

from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule

from ..judging import Judge, class_name, judged, show
from ..ledger import Muted
from ..probes import Background, Until
from ..watchdog import Hang
from .wait_scenarios import WaitScenarios
from .model import RETURN_CLAUSE, RETURN_WHEN, BlockedWait, Entry, as_pair, condition_met, names

COMPLETIONS = ("result", "exception", "cancel", "cancel-and-notify", "start")
# "short" is the shortest positive timeout (Limits.short_timeouts[0]): while wait() or as_completed() waits on the
# machine's thread, nothing can complete the futures it waits for, so a timeout's length changes no verdict, only what
# each such step costs (the longer one made a third of this machine's time)
TIMEOUTS = ("zero", "negative", "short")
MAX_FUTURES = 5
PICKS = st.lists(st.integers(0, MAX_FUTURES * 2), min_size=1, max_size=MAX_FUTURES + 1)  # repeats give duplicates


class Stream:
    """A consumer of as_completed() in a helper thread, recording every future it yields, in order, as it yields
    them: the machine judges it yield by yield while it runs, where a Background call (its thread here) is judged
    only once it has returned."""

    def __init__(self, entries, iterate):
        self.entries = entries
        self.initial = [e for e in entries if e.done]  # to be yielded first, in any order (ASCOMP-ORDER-1)
        self.later = []  # then these, in this order
        self.yielded = []
        self.ended = False
        self.error = None
        self.changed = threading.Condition()
        Background("as_completed", self._consume, iterate).start()

    def _consume(self, iterate):
        try:
            for future in iterate():
                with self.changed:
                    self.yielded.append(future)
                    self.changed.notify_all()
        except BaseException as error:  # an observation
            self.error = error
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def until(self, count):
        return Until(self.changed, lambda: len(self.yielded) >= count or self.ended)

    def finished(self):
        return Until(self.changed, lambda: self.ended)

    def __str__(self):
        return f"as_completed({names(self.entries)}) iterated in another thread"


class WaitMachine(WaitScenarios, Judge):
    def __init__(self):
        super().__init__()
        self.entries = []
        self.waits = []
        self.streams = []
        self.started = {"waits": 0, "streams": 0}  # preconditions count rules taken, never observations
        self.running_state = "running-state" in self.adapter.capabilities

    def live(self):
        return [e for e in self.entries if not e.retired]

    def pick(self, picks):
        """The live entries `picks` designates, repeats included, and the distinct ones in first-seen order (none,
        when every entry is retired). They are what the rule is about."""
        live = self.live()
        chosen = [live[i % len(live)] for i in picks] if live else []
        self.concerned = list(dict.fromkeys(chosen))
        return chosen, self.concerned

    # -- futures ------------------------------------------------------------------------------------------------------

    @precondition(lambda self: len(self.entries) < MAX_FUTURES)
    @rule()
    @judged
    def new_future(self):
        call = self.call(None, "the adapter's new_future()", "CORE-STATE-1", self.adapter.new_future)
        self.expect("CORE-STATE-1", not call.raised, lambda: f"the adapter's new_future() {call.describe()}")
        self.entries.append(Entry(call.value, f"f{len(self.entries) + 1}"))

    @precondition(lambda self: self.entries)
    @rule(pick=st.integers(0, MAX_FUTURES), how=st.sampled_from(COMPLETIONS))
    @judged
    def complete(self, pick, how):
        unfinished = [e for e in self.live() if not e.done]
        if not unfinished:
            return
        e = unfinished[pick % len(unfinished)]
        self.concerned = [e]
        if not self.running_state and how in ("cancel-and-notify", "start"):
            how = "cancel"
        if e.state == "running" and how in ("cancel", "cancel-and-notify", "start"):
            how = "result"  # a RUNNING future cannot be cancelled or started again
        future, adapter = e.future, self.adapter
        steps = {
            "result": [("set_result(object())", "CF-SET-1", adapter.set_result, future, object())],
            "exception": [("set_exception(ValueError())", "CF-SET-2", adapter.set_exception, future, ValueError())],
            "cancel": [("cancel()", "CF-CANCEL-1", future.cancel)],
            "cancel-and-notify": [("cancel()", "CF-CANCEL-1", future.cancel),
                                  ("set_running_or_notify_cancel()", "CF-SRNC-2",
                                   adapter.set_running_or_notify_cancel, future)],
            "start": [("set_running_or_notify_cancel()", "CF-SRNC-1", adapter.set_running_or_notify_cancel, future)],
        }[how]
        started = time.monotonic()
        for what, clause_id, fn, *args in steps:
            call = self.call(None, f"{what} on {e.name}", clause_id, fn, *args)
            self.expect(clause_id, not call.raised, lambda: f"{what} on {e.name} {call.describe()}")
        e.state = {"result": "result", "exception": "exception", "start": "running"}.get(how, "cancelled")
        e.notified = how != "cancel" or not self.running_state
        self.settle(f"{' then '.join(step[0] for step in steps)} on {e.name}", e, started)

    # -- wait() -------------------------------------------------------------------------------------------------------

    @precondition(lambda self: self.entries)
    @rule(picks=PICKS, return_when=st.sampled_from(RETURN_WHEN), timeout=st.sampled_from(TIMEOUTS))
    @judged
    def wait_now(self, picks, return_when, timeout):
        """wait() with a timeout, on the machine's thread: it returns exactly what is done now (WAIT-TIMEOUT-1)."""
        chosen, distinct = self.pick(picks)
        if not chosen:
            return
        seconds = {"zero": 0, "negative": -1, "short": self.limits.short_timeouts[0]}[timeout]
        what = f"wait({names(chosen)}, timeout={seconds}, return_when={return_when})"
        call = self.call(None, what, "WAIT-TIMEOUT-1", self.adapter.wait, [e.future for e in chosen], seconds,
                         return_when, extra=max(seconds, 0))
        self.expect("WAIT-TIMEOUT-1", not call.raised, lambda: f"{what} {call.describe()}; it must return the pair")
        self.judging(distinct, self.check_pair, call.value, distinct, what, duplicates=len(chosen) > len(distinct))

    @precondition(lambda self: self.entries and self.started["waits"] < 3)
    @rule(picks=PICKS, return_when=st.sampled_from(RETURN_WHEN))
    @judged
    def start_wait(self, picks, return_when):
        """wait() without a timeout, in a helper thread: judged as the machine completes its futures."""
        self.started["waits"] += 1
        _, distinct = self.pick(picks)
        if not distinct:
            return
        futures = [e.future for e in distinct]
        blocked = BlockedWait(distinct, return_when, Background("wait", self.adapter.wait, futures, None,
                                                                return_when).start())
        if condition_met(distinct, return_when):
            self.judging(distinct, self.judge_return, blocked, "it was called")
        else:
            self.waits.append(blocked)

    @rule(return_when=st.sampled_from(RETURN_WHEN))
    @judged
    def empty_input(self, return_when):
        """WAIT-INPUT-1 and ASCOMP-ONCE-1: nothing to wait for returns at once."""
        what = f"wait([], return_when={return_when})"
        call = self.call(None, what, "WAIT-INPUT-1", self.adapter.wait, [], None, return_when)
        self.expect("WAIT-INPUT-1", not call.raised and as_pair(call.value) == (set(), set()),
                    lambda: f"{what} {call.describe()}; expected two empty sets")
        call = self.call(None, "list(as_completed([]))", "ASCOMP-ONCE-1",
                         lambda: list(self.adapter.as_completed([])))
        self.expect("ASCOMP-ONCE-1", not call.raised and call.value == [],
                    lambda: f"list(as_completed([])) {call.describe()}; expected []")

    @precondition(lambda self: self.entries)
    @rule(picks=PICKS)
    @judged
    def from_generators(self, picks):
        """WAIT-INPUT-2: wait() and as_completed(), given generators and a zero timeout, read them once and see every
        future. A future cancelled by cancel() alone may land on either side: that is WAIT-DONE-1's and
        ASCOMP-CANCEL-1's to judge."""
        chosen, distinct = self.pick(picks)
        if not chosen:
            return
        unsure = {id(e.future) for e in distinct if e.state == "cancelled" and not e.notified}
        done = {id(e.future) for e in distinct if e.done} - unsure
        every = {id(e.future) for e in distinct} - unsure
        what = f"wait(<a generator of {names(chosen)}>, timeout=0)"
        call = self.call(None, what, "WAIT-INPUT-2", self.adapter.wait, (e.future for e in chosen), 0,
                         "ALL_COMPLETED")
        pair = None if call.raised else as_pair(call.value)
        got = pair and ({id(f) for f in pair[0]} - unsure, {id(f) for f in pair[1]} - unsure)
        self.expect("WAIT-INPUT-2", got == (done, every - done),
                    lambda: f"{what} {call.describe()}; expected {len(done)} done and {len(every - done)} not done")
        what = f"iterating as_completed(<a generator of {names(chosen)}>, timeout=0)"
        call = self.call(None, what, "WAIT-INPUT-2", _iterate, self.adapter.as_completed,
                         (e.future for e in chosen))
        self.expect("WAIT-INPUT-2", not call.raised and {id(f) for f in call.value} - unsure == done,
                    lambda: f"{what} {call.describe()}; expected the {len(done)} futures done")

    # -- as_completed() -----------------------------------------------------------------------------------------------

    @precondition(lambda self: self.entries and self.started["streams"] < 2)
    @rule(picks=PICKS)
    @judged
    def start_stream(self, picks):
        self.started["streams"] += 1
        chosen, distinct = self.pick(picks)
        if not chosen:
            return
        futures = [e.future for e in chosen]
        stream = Stream(distinct, lambda: self.adapter.as_completed(futures))
        self.streams.append(stream)
        self.judging(distinct, self.judge_stream, stream, "it was called")

    @precondition(lambda self: self.entries)
    @rule(picks=PICKS)
    @judged
    def as_completed_with_timeout(self, picks):
        """ASCOMP-TIMEOUT-1/2: the done futures, then TimeoutError if any is unfinished."""
        chosen, distinct = self.pick(picks)
        if not chosen:
            return
        seconds = self.limits.short_timeouts[0]  # as TIMEOUTS' "short"
        what = f"iterating as_completed({names(chosen)}, timeout={seconds})"

        def iterate():
            yielded = []
            try:
                for future in self.adapter.as_completed([e.future for e in chosen], timeout=seconds):
                    yielded.append(future)
            except BaseException as error:  # an observation
                return yielded, error
            return yielded, None

        call = self.call(None, what, "ASCOMP-TIMEOUT-1", iterate, extra=seconds)
        self.expect("ASCOMP-TIMEOUT-1", not call.raised, lambda: f"{what} {call.describe()}")
        self.judging(distinct, self.judge_timed_iteration, distinct, *call.value, what)

    @precondition(lambda self: self.entries)
    @rule(picks=PICKS)
    @judged
    def close_early(self, picks):
        """ASCOMP-CLOSE-1: take one future (if one is done), close the iterator, and nothing changes."""
        chosen, distinct = self.pick(picks)
        if not chosen:
            return
        take_one = any(e.done for e in distinct)
        what = f"as_completed({names(chosen)}): {'next(), ' if take_one else ''}close()"

        def close_early():
            iterator = self.adapter.as_completed([e.future for e in chosen])
            first = next(iterator) if take_one else None
            iterator.close()
            return first

        # where only cancelled futures are done, next() blocks if ASCOMP-CANCEL-1 is broken
        clause = "ASCOMP-CANCEL-1" if take_one and all(e.state == "cancelled" for e in distinct if e.done) else \
            "ASCOMP-CLOSE-1"
        if self.known_broken(clause):
            return
        call = self.call(None, what, clause, close_early)
        self.expect("ASCOMP-CLOSE-1", not call.raised, lambda: f"{what} {call.describe()}")
        if take_one:
            self.expect("ASCOMP-ORDER-1", any(call.value is e.future for e in distinct if e.done),
                        lambda: f"{what}: next() returned {show(call.value)}, not one of the futures already done")
        for e in distinct:
            done = self.call(None, f"{e.name}.done()", "CORE-QUERY-3", e.future.done)
            self.expect("ASCOMP-CLOSE-1", done.value is e.done,
                        lambda: f"after {what}, {e.name}.done() returned {show(done.value)}; it was {e.state}")

    # -- judging ------------------------------------------------------------------------------------------------------

    def settle(self, what, completed, started):
        """After `what` (begun at `started`) completed one future: every blocked wait whose condition is now met
        returns, and did not before; the others are still blocked; every stream yields the future."""
        for blocked in list(self.waits):
            if any(e.retired for e in blocked.entries):
                self.waits.remove(blocked)
            elif condition_met(blocked.entries, blocked.return_when):
                self.waits.remove(blocked)
                self.judging(blocked.entries, self.judge_return, blocked, what, started)
        self.still_blocked(f"after {what}")
        for stream in list(self.streams):
            if any(e.retired for e in stream.entries):
                self.streams.remove(stream)
                continue
            if completed in stream.entries and completed.done:
                stream.later.append(completed)
            self.judging(stream.entries, self.judge_stream, stream, what)

    @invariant()
    def blocked_waits_are_blocked(self):
        """A wait whose condition is not met has not returned (WAIT-RETURN-1..3); checked after every step, and
        again, by the time it returned, once its condition is met."""
        self.still_blocked("")

    def still_blocked(self, when):
        for blocked in list(self.waits):
            if blocked.call.returned.is_set() and not any(e.retired for e in blocked.entries):
                self.waits.remove(blocked)
                self.judging(blocked.entries, self.fail, RETURN_CLAUSE[blocked.return_when],
                             f"{blocked} {blocked.call.describe()} before its condition was met {when}".rstrip())

    def judge_return(self, blocked, what, started=None):
        """The condition of a blocked wait is met: it returns promptly, not before, with exactly the futures done."""
        cancelled_alone = any(e.state == "cancelled" and not e.notified for e in blocked.entries)
        clause = "WAIT-CANCEL-1" if cancelled_alone else RETURN_CLAUSE[blocked.return_when]
        if self.known_broken(clause) and not blocked.call.returned.is_set():
            raise Muted(clause)
        if not self.watchdog.wait(clause, blocked.call.returned):
            self.fail(clause, f"{blocked} did not return within {self.watchdog.waited:.2f} s after {what}, "
                              "although its condition was met")
        if started is not None and blocked.call.finished_at < started:
            self.fail(RETURN_CLAUSE[blocked.return_when], f"{blocked} returned before {what}, while its condition "
                                                          "was not met")
        self.passed(clause)
        self.expect("WAIT-TIMEOUT-1", blocked.call.error is None, lambda: f"{blocked} {blocked.call.describe()}")
        self.check_pair(blocked.call.value, blocked.entries, str(blocked))

    def check_pair(self, value, distinct, what, duplicates=False):
        """WAIT-DONE-1: exactly the futures that are done, as a (done, not_done) named tuple of sets."""
        pair = as_pair(value)
        self.expect("WAIT-DONE-1", pair is not None,
                    lambda: f"{what} returned {show(value)}; expected a named tuple (done, not_done) of sets")
        got_done, got_not_done = ({id(f) for f in half} for half in pair)
        wrong = [e for e in distinct if (id(e.future) in got_done) != e.done or
                 (id(e.future) in got_not_done) == e.done]
        self.expect("WAIT-DONE-1", not wrong and got_done | got_not_done == {id(e.future) for e in distinct},
                    lambda: f"{what} put {names(wrong) if wrong else 'futures it was not given'} on the wrong side: "
                            + ", ".join(f"{e.name} is {e.state}" + ("" if e.notified else " (by cancel() alone)")
                                        for e in wrong))
        if duplicates:
            self.passed("WAIT-INPUT-1")

    def judge_yields(self, yielded, done, what):
        """ASCOMP-ONCE-1, ASCOMP-CANCEL-1, ASCOMP-ORDER-1: `yielded` holds each future of `done` once, and nothing
        else. A missing cancelled future is ASCOMP-CANCEL-1's; any other missing one ASCOMP-ORDER-1's."""
        ids = [id(f) for f in yielded]
        expected = {id(e.future) for e in done}
        twice = len(set(ids)) < len(ids)
        self.expect("ASCOMP-ONCE-1", not twice and set(ids) <= expected,
                    lambda: f"{what} yielded {'a future twice' if twice else 'a future that is not done'}; the done "
                            f"ones are {names(done)}")
        missing = [e for e in done if id(e.future) not in ids]
        self.expect("ASCOMP-CANCEL-1" if any(e.state == "cancelled" for e in missing) else "ASCOMP-ORDER-1",
                    not missing, lambda: f"{what} did not yield {names(missing)}, which are done "
                                         f"({', '.join(e.state for e in missing)})")
        if any(e.state == "cancelled" for e in done):
            self.passed("ASCOMP-CANCEL-1")

    def judge_stream(self, stream, what):
        """The stream has yielded the futures done so far — the initial ones first, in any order, then in
        completion order — and nothing else; it ends once all are done."""
        done = stream.initial + stream.later
        kind = "ASCOMP-CANCEL-1" if any(e.state == "cancelled" for e in done) else "ASCOMP-ORDER-1"
        if self.known_broken(kind) and not stream.until(len(done)).is_set():
            raise Muted(kind)
        self.watchdog.wait(kind, stream.until(len(done)))
        yielded = list(stream.yielded)
        self.judge_yields(yielded, done, f"{stream}, within {self.watchdog.waited:.2f} s after {what},")
        self.expect("ASCOMP-ONCE-1", stream.error is None,
                    lambda: f"{stream} raised {class_name(type(stream.error))} after {what}")
        initial = {id(e.future) for e in stream.initial}
        self.expect("ASCOMP-ORDER-1", {id(f) for f in yielded[:len(initial)]} == initial and
                    [id(f) for f in yielded[len(initial):]] == [id(e.future) for e in stream.later],
                    lambda: f"{stream} yielded the futures in the wrong order; expected first "
                            f"{names(stream.initial)} in any order, then {names(stream.later)}")
        if all(e.done for e in stream.entries):
            self.streams.remove(stream)
            if not self.watchdog.wait("ASCOMP-ONCE-1", stream.finished()):
                self.fail("ASCOMP-ONCE-1", f"{stream} did not end within {self.watchdog.waited:.2f}"
                                           f" s after yielding every future")
            self.judge_yields(list(stream.yielded), done, f"{stream}, once it ended,")

    def judge_timed_iteration(self, distinct, yielded, error, what):
        done = [e for e in distinct if e.done]
        unfinished = len(distinct) - len(done)
        self.judge_yields(yielded, done, what)
        if not unfinished:
            self.expect("ASCOMP-ONCE-1", error is None, lambda: f"{what} raised {show(error)}; every future is done")
            return
        timeout_error = self.adapter.TimeoutError
        self.expect("ASCOMP-TIMEOUT-1", isinstance(error, timeout_error),
                    lambda: f"{what} ended with {'no error' if error is None else show(error)} while {unfinished} "
                            f"futures were unfinished; expected {class_name(timeout_error)}")
        message = str(error)  # what ASCOMP-TIMEOUT-2 judges; the verdict shows the error through show()
        self.expect("ASCOMP-TIMEOUT-2", str(unfinished) in message and str(len(distinct)) in message,
                    lambda: f"{what} raised {show(error)}; the message should say that {unfinished} of "
                            f"{len(distinct)} futures are unfinished")

    def teardown(self):
        """Finish the unfinished futures one by one, judged like any completion (unless the example already
        failed), so an early return is caught; then, unjudged, acknowledge every cancellation made by cancel()
        alone, so that no helper thread stays blocked."""
        try:
            while not self.failing and any(not e.done for e in self.live()):
                self.complete(pick=0, how="result")
        finally:
            for e in self.entries:
                if e.state in ("pending", "running"):
                    operation = (self.adapter.set_result, e.future, None)
                elif e.state == "cancelled" and not e.notified:
                    operation = (self.adapter.set_running_or_notify_cancel, e.future)
                else:
                    continue
                try:
                    self.watchdog.call("finishing a future to release waiters", *operation, kind="release")
                except Hang:
                    return


def _iterate(as_completed, fs):
    """What as_completed(fs, timeout=0) yields before it raises TimeoutError (or ends)."""
    yielded = []
    try:
        for future in as_completed(fs, timeout=0):
            yielded.append(future)
    except Exception:  # the TimeoutError of the futures not done: ASCOMP-TIMEOUT-1's to judge
        pass
    return yielded
