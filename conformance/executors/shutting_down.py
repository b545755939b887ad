"""The executor machine's shutdown steps (spec/executors.md §4): shutdown() with and without cancel_futures,
shutdown(wait=True) blocked in another thread, submit() and shutdown() again afterwards. A mixin of ExecutorMachine,
whose calls, live(), retire(), settle() and claimed() it uses; a module of its own so the machine stays readable.

A shutdown(wait=True) runs in a helper thread, and Background.start() returns once that thread is about to call it,
not once the implementation has taken it in. The spec promises RuntimeError to a submit() made *after* shutdown();
a submit() racing with a shutdown() that another thread has begun may be taken in before it, and a correct executor
may then accept it. So after shutdown_waiting, the machine waits, under the hang limit, until the implementation
shows it is shut down by the one thing the spec lets it see: a submit() refused with RuntimeError (or the waiter
returning). Each submit() it accepted meanwhile is retired (released at once, no longer judged), as an accepted
submit() after shutdown() always was. A submit() still accepted when the limit has passed is a violation of
EXEC-SHUTDOWN-1: the shutdown has had all that time to take effect. That violation also ends the judging of the
shutdown(wait=True), which may be waiting for the accepted call (executorlib never runs it). A second shutdown()
needs no such wait: whichever of the two the implementation takes first, each must return without error.

One rule covers every step that calls the executor itself (submit, map, each shutdown): once a call was abandoned
inside the executor before its shutdown (ExecutorMachine.deadlocked), such a step judges nothing (`locking`). The
abandoned call may hold what every later call into the executor needs (gevent: a submit() waiting for a free worker
holds the executor's _shutdown_lock), and a call blocked behind it would only repeat the violation that abandoned it.
Calls on the futures, which take only their own locks, are still judged.
"""
import functools

from hypothesis.stateful import precondition, rule

from .. import gates
from ..judging import judged
from ..probes import Background
from .model import POLL

SUBMIT_RETRY = 10 * POLL  # seconds between submits while a shutdown begun in another thread has not shown


def locking(step):
    """A step that calls the executor itself, taking its locks: it judges nothing once a call was abandoned inside
    the executor (`stuck_inside`; the module's docstring says why). Inside @judged, under @rule."""

    @functools.wraps(step)
    def guarded(self, *args, **kwargs):
        return None if self.stuck_inside else step(self, *args, **kwargs)

    return guarded


class ShuttingDown:
    """The shutdown rules of ExecutorMachine; `unseen_shutdown` is the helper thread of a shutdown(wait=True) that no
    refused submit() has shown yet."""

    unseen_shutdown = None

    @precondition(lambda self: not self.shut_down)
    @rule()
    @judged
    @locking
    def shutdown(self, cancel_futures=False):
        """shutdown(wait=False), which must return promptly however many calls hold (EXEC-SHUTDOWN-6). cancel_futures
        is passed only to an adapter with the capability `cancel-futures` (the rule shutdown_cancelling draws it only
        then); without it the executor gets wait alone."""
        cancelling = cancel_futures and "cancel-futures" in self.adapter.capabilities
        clause = "EXEC-SHUTDOWN-3" if cancelling else "EXEC-SHUTDOWN-2"
        options = {"cancel_futures": cancelling} if "cancel-futures" in self.adapter.capabilities else {}
        what = f"shutdown(wait=False{''.join(f', {k}={v}' for k, v in options.items())})"
        queued = [c for c in self.live("queued") if not c.claimed]
        unfinished = self.live("running", "queued")  # EXEC-SHUTDOWN-6: a hang while they hold is its violation
        stake = "EXEC-SHUTDOWN-6" if unfinished else clause
        call = self.call(None, what, stake, functools.partial(self.executor.shutdown, wait=False, **options))
        self.expect(clause, not call.raised, lambda: f"{what} {call.describe()}")
        if unfinished:
            self.passed("EXEC-SHUTDOWN-6")
        self.shut_down = True
        if cancelling:
            # A queued call of map() has no future to show whether it was claimed (EXEC-RUN-2): no longer judged.
            self.retire([c for c in queued if c.future is None])
            for c in queued:
                if c.future is not None:
                    c.state, c.cancelled_by = "cancelled", "EXEC-SHUTDOWN-3"
                    self.judging([c], self.judge_cancelled, c, what)
        self.settle(what)

    @precondition(lambda self: not self.shut_down and "cancel-futures" in self.adapter.capabilities)
    @rule()
    def shutdown_cancelling(self):
        """shutdown(wait=False, cancel_futures=True): drawn only for an adapter with `cancel-futures`."""
        self.shutdown(cancel_futures=True)

    def judge_cancelled(self, c, what):
        # A plain wait, not the watchdog's: a queued call that turns RUNNING under our eyes (a claimed one) is not
        # a hang, and must not shorten the limit for the calls that are cancelled later.
        if not c.finished.wait(self.limits.hang) and not self.claimed(c, what, restore="queued"):
            self.fail("EXEC-SHUTDOWN-3", f"the future of {c}, queued, was not done within {self.limits.hang:.2f} s "
                                         f"after {what}")
        cancelled = self.call(None, f"cancelled() of {c}", "CORE-QUERY-3", c.future.cancelled)
        self.expect("EXEC-SHUTDOWN-3", cancelled.value is True,
                    lambda: f"after {what}, the future of {c}, queued, is done but cancelled() "
                            f"{cancelled.describe()}")

    @precondition(lambda self: not self.shut_down)
    @rule()
    @judged
    @locking
    def shutdown_waiting(self):
        """shutdown(wait=True) in a helper thread: it returns once every call not cancelled has finished."""
        self.shutdown_waiter = self.unseen_shutdown = \
            Background("shutdown(wait=True)", self.executor.shutdown, True).start()
        self.shut_down = True
        self.settle("shutdown(wait=True) in another thread")

    @precondition(lambda self: self.shut_down)
    @rule()
    @judged
    @locking
    def submit_after_shutdown(self):
        """EXEC-SHUTDOWN-1; after a shutdown(wait=True) in another thread, the module's docstring says how long the
        machine waits for it to take effect."""
        limit = self.watchdog.limit("EXEC-SHUTDOWN-1")
        waited = 0.0
        while True:
            c = self.new_call()
            call = self.call(None, f"submit({c}) after shutdown()", "EXEC-SHUTDOWN-1", self.executor.submit,
                             gates.run_gate, c.gate)
            if not call.raised:
                self.retire([c])  # whatever the implementation does with it, it must not block a worker for ever
            racing = self.unseen_shutdown
            if isinstance(call.error, RuntimeError) or racing is None or racing.returned.is_set():
                self.unseen_shutdown = None
            if self.unseen_shutdown is None or waited >= limit or self.known_broken("EXEC-SHUTDOWN-1"):
                break
            racing.returned.wait(SUBMIT_RETRY)  # bounded: the shutdown takes effect, or the limit passes
            waited += SUBMIT_RETRY
        since = f" (and every submit() for {waited:.2f} s after shutdown(wait=True) began in another thread)" \
            if waited else ""
        if not isinstance(call.error, RuntimeError):
            # A call accepted after shutdown() may be what a shutdown(wait=True) still waits for (executorlib's never
            # runs, and its shutdown never returns): EXEC-SHUTDOWN-1's violation, so that waiter is no longer judged.
            self.shutdown_waiter = None
        self.expect("EXEC-SHUTDOWN-1", isinstance(call.error, RuntimeError),
                    lambda: f"submit() after shutdown() {call.describe()}{since}; expected RuntimeError")

    @precondition(lambda self: self.shut_down)
    @rule()
    @judged
    @locking
    def shutdown_again(self):
        call = self.call(None, "shutdown(wait=False) again", "EXEC-SHUTDOWN-5", self.executor.shutdown, False)
        self.expect("EXEC-SHUTDOWN-5", not call.raised, lambda: f"shutdown() again {call.describe()}")
        self.settle("shutdown() again")

    def check_shutdown_waiter(self, what):
        waiter = self.shutdown_waiter
        if waiter is None:
            return
        unfinished = self.live("running", "queued")
        if not unfinished:
            self.shutdown_waiter = None
            if not self.watchdog.wait("EXEC-SHUTDOWN-4", waiter.returned, extra=self.adapter.executor_startup):
                self.fail("EXEC-SHUTDOWN-4", f"shutdown(wait=True) did not return within "
                                             f"{self.watchdog.waited:.2f} s after {what}, when "
                                             "every call had finished")
            self.expect("EXEC-SHUTDOWN-4", waiter.error is None, lambda: f"shutdown(wait=True) {waiter.describe()}")
        elif waiter.returned.is_set():
            self.shutdown_waiter = None
            self.fail("EXEC-SHUTDOWN-4", f"shutdown(wait=True) {waiter.describe()} while "
                                         f"{', '.join(map(str, unfinished))} had not finished (after {what})")
