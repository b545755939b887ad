"""Every race-only faulty implementation of tests/faulty/races/ has a real bug: a hand-written schedule — one thread
stopped at a breakpoint inside the module's window, another thread's call run meanwhile, then the first resumed —
makes it break its clause, every time (a bug that needs two preemptions gets two breakpoints). The controlled
scheduler finds such schedules itself (tests/test_scheduling.py); this keeps the folder honest without it: a module
whose window closed, or never opened, fails here.

A breakpoint is a line of the module (found by its text, so the witnesses survive edits) at which a thread, traced
with sys.settrace, stops before running it. A thread that must be shown stuck is given HELD seconds: a faulty module
never wakes it, so this cannot flake; each witness then unblocks it (completing another future, shutting down)."""
import importlib
import pkgutil
import sys
import threading

import pytest

from tests.faulty import races

LIMIT = 10.0  # no wait here is ever that long, unless the witness itself is broken
HELD = 0.5  # how long a thread the bug leaves blocked is watched before it is called stuck

NAMES = sorted(info.name for info in pkgutil.iter_modules(races.__path__))


def _module(name):
    return importlib.import_module(f"{races.__name__}.{name}")


class Breakpoint:
    """Stops the first thread that reaches the `occurrence`-th line of MODULE that starts with `text`, until
    resume()."""

    def __init__(self, module, text, occurrence=1):
        self.path = module.__file__
        lines = [n for n, line in enumerate(open(self.path, encoding="utf-8"), 1) if line.strip().startswith(text)]
        assert len(lines) >= occurrence, f"{module.__name__} has no line {occurrence} containing {text!r}"
        self.line = lines[occurrence - 1]
        self.reached, self._go = threading.Event(), threading.Event()

    def trace(self, frame, event, arg):
        return self._local if frame.f_code.co_filename == self.path else None

    def _local(self, frame, event, arg):
        if event == "line" and frame.f_lineno == self.line and not self.reached.is_set():
            self.reached.set()
            self._go.wait(LIMIT)
        return self._local

    def wait(self):
        assert self.reached.wait(LIMIT), f"no thread reached line {self.line} of {self.path}"

    def resume(self):
        self._go.set()


class Thread(threading.Thread):
    """fn(*args) in a daemon thread, traced by `breakpoint` if given: its value or error, and whether it returned."""

    def __init__(self, fn, *args, breakpoint=None):
        super().__init__(daemon=True)
        self.fn, self.args, self.breakpoint = fn, args, breakpoint
        self.value = self.error = None
        self.returned = threading.Event()
        self.start()

    def run(self):
        if self.breakpoint:
            sys.settrace(self.breakpoint.trace)
        try:
            self.value = self.fn(*self.args)
        except BaseException as error:
            self.error = error
        finally:
            sys.settrace(None)
            self.returned.set()

    def stuck(self):
        return not self.returned.wait(HELD)

    def result(self):
        assert self.returned.wait(LIMIT), f"{self.fn} did not return"
        if self.error is not None:
            raise self.error
        return self.value


class WaitingCondition(threading.Condition):
    """A Condition that counts the threads that have entered wait() (a semaphore the witness acquires): the lock is
    held until wait() releases it, so once counted a thread is sure to be among those notify() wakes."""

    def __init__(self):
        super().__init__()
        self.entered = threading.Semaphore(0)

    def wait(self, timeout=None):
        self.entered.release()
        return super().wait(timeout)

    def waited(self):
        assert self.entered.acquire(timeout=LIMIT), "no thread entered wait()"


def _stopped(name, text, fn, *args, occurrence=1):
    """fn(*args) started in a thread of its own and stopped at the breakpoint: (thread, breakpoint)."""
    stop = Breakpoint(_module(name), text, occurrence)
    thread = Thread(fn, *args, breakpoint=stop)
    stop.wait()
    return thread, stop


class Probe:
    def __init__(self):
        self.calls = []

    def __call__(self, future):
        self.calls.append(future)


# -- the Future ------------------------------------------------------------------------------------------------------

def witness_finish_check_then_lock(m):
    f = m.Future()
    first, stop = _stopped("finish_check_then_lock", "with self._condition:", f.set_result, 1)
    f.set_exception(ValueError("the other completion"))
    stop.resume()
    first.result()  # CF-ATOMIC-1: one of two racing completions must raise InvalidStateError
    return "two racing completions both completed the future"


def witness_outcome_stored_then_claimed(m):
    """Two breakpoints, one per completion (the bug needs two preemptions): both stored, the first claims."""
    f = m.Future()
    winner, first = _stopped("outcome_stored_then_claimed", "with self._condition:", f.set_result, "winner",
                             occurrence=2)
    loser, second = _stopped("outcome_stored_then_claimed", "with self._condition:", f.set_result, "loser",
                             occurrence=2)
    first.resume()
    assert winner.result() is None
    second.resume()
    with pytest.raises(m.InvalidStateError):
        loser.result()
    assert f.result(0) == "loser"  # CF-ATOMIC-1: the winner's outcome is the final one
    return "the winning set_result()'s future holds the losing one's result"


def witness_cancel_check_then_lock(m):
    f = m.Future()
    cancelling, stop = _stopped("cancel_check_then_lock", "with self._condition:", f.cancel)
    assert f.set_running_or_notify_cancel() is True
    stop.resume()
    assert cancelling.result() is True  # CF-ATOMIC-2: two winners
    return "cancel() and set_running_or_notify_cancel() both returned True"


def witness_start_check_then_lock(m):
    f = m.Future()
    starting, stop = _stopped("start_check_then_lock", "with self._condition:", f.set_running_or_notify_cancel)
    assert f.cancel() is True
    stop.resume()
    assert starting.result() is True and f.running()  # CF-ATOMIC-2: two winners
    return "cancel() and set_running_or_notify_cancel() both returned True"


def witness_start_decided_then_unlocked(m):
    f = m.Future()
    starting, stop = _stopped("start_decided_then_unlocked", "self._state = ref.RUNNING",
                              f.set_running_or_notify_cancel)
    assert f.cancel() is True
    stop.resume()
    assert starting.result() is True and f.running()  # CF-ATOMIC-2: two winners
    return "cancel() and set_running_or_notify_cancel() both returned True"


def witness_callbacks_copied_unlocked(m):
    f, first, second = m.Future(), Probe(), Probe()
    adding, stop = _stopped("callbacks_copied_unlocked", "self._callbacks = callbacks + [fn]", f.add_done_callback,
                            first)
    f.add_done_callback(second)
    stop.resume()
    adding.result()
    f.set_result(1)
    assert len(first.calls) == 1 and second.calls == []  # CORE-CB-1: every callback runs exactly once
    return "of two callbacks added at once, one never ran"


def witness_callback_check_then_lock(m):
    f, probe = m.Future(), Probe()
    adding, stop = _stopped("callback_check_then_lock", "with self._condition:", f.add_done_callback, probe)
    f.set_result(1)
    stop.resume()
    adding.result()
    assert probe.calls == []  # CF-ATOMIC-3: never neither
    return "a callback added while completing never ran"


def witness_callback_run_twice(m):
    f, probe = m.Future(), Probe()
    adding, stop = _stopped("callback_run_twice", "if self.done():", f.add_done_callback, probe)
    f.set_result(1)
    stop.resume()
    adding.result()
    assert len(probe.calls) == 2  # CF-ATOMIC-3, CORE-CB-1: never both
    return "a callback added while completing ran twice"


def witness_callbacks_snapshot_early(m):
    f, probe = m.Future(), Probe()
    completing, stop = _stopped("callbacks_snapshot_early", "with self._condition:", f.set_result, 1)
    f.add_done_callback(probe)
    stop.resume()
    completing.result()
    assert f.done() and probe.calls == []  # CF-ATOMIC-3: never neither
    return "a callback added while completing never ran"


def _watched(m):
    f = m.Future()
    f._condition = WaitingCondition()
    return f


def witness_notify_before_state(m):
    f = _watched(m)
    waiter = Thread(f.result)
    f._condition.waited()
    completing, stop = _stopped("notify_before_state", "with self._condition:", f.set_result, 1, occurrence=2)
    f._condition.waited()  # woken by the first section, the waiter found the future unfinished and waits again
    stop.resume()
    completing.result()
    assert waiter.stuck()  # CF-BLOCK-2
    with f._condition:
        f._condition.notify_all()
    assert waiter.result() == 1
    return "a thread blocked in result() was not woken by set_result()"


def witness_waiter_installed_after_unlock(m):
    f = m.Future()
    waiter, stop = _stopped("waiter_installed_after_unlock", "with self._condition:  # BUG", f.result)
    f.set_result(1)
    stop.resume()
    assert waiter.stuck()  # CF-BLOCK-2
    for event in f._waiters:
        event.set()
    assert waiter.result() == 1
    return "a thread blocked in result() was not woken by set_result()"


def witness_waiter_count_lost(m):
    f = _watched(m)
    first, stop = _stopped("waiter_count_lost", "self._blocked = blocked + 1", f.result)
    second = Thread(f.result)
    f._condition.waited()
    stop.resume()
    f._condition.waited()
    f.set_result(1)
    assert first.stuck() or second.stuck()  # CF-BLOCK-2
    with f._condition:
        f._condition.notify_all()
    assert first.result() == second.result() == 1
    return "of two threads blocked in result(), set_result() woke one"


def witness_outcome_published_late(m):
    f, outcome = m.Future(), object()
    completing, stop = _stopped("outcome_published_late", "self._result, self._exception = result", f.set_result,
                                outcome)
    seen = f.result()
    stop.resume()
    completing.result()
    assert seen is None and f.result() is outcome  # CF-ATOMIC-4
    return "result() racing set_result(x) returned None"


def witness_callbacks_under_rlock(m):
    import reference.executor

    f, g = m.Future(), m.Future()
    # wait() stopped while testing its condition, holding its own lock; the completion's callback needs that lock.
    waiting = Thread(m.wait, [f, g], None, m.FIRST_EXCEPTION, breakpoint=Breakpoint(
        reference.executor, "done = [f for f in fs if f.done()]"))
    waiting.breakpoint.wait()
    completing = Thread(f.set_result, 1)
    assert completing.stuck()
    waiting.breakpoint.resume()
    assert waiting.stuck() and completing.stuck()  # CF-CB-8: a deadlock, which nothing can end
    return "wait(FIRST_EXCEPTION) and set_result() deadlocked"


# -- wait(), as_completed() and the executor --------------------------------------------------------------------------

def _stuck_wait(m, name, text, occurrence=1):
    f, g = m.Future(), m.Future()
    waiting, stop = _stopped(name, text, m.wait, [f, g], None, m.FIRST_COMPLETED, occurrence=occurrence)
    f.set_result(1)
    stop.resume()
    assert waiting.stuck()  # WAIT-RETURN-1
    g.set_result(2)
    assert f in waiting.result().done
    return "wait(FIRST_COMPLETED) went on blocking after a future completed"


def witness_wait_check_then_lock(m):
    return _stuck_wait(m, "wait_check_then_lock", "with changed:", occurrence=2)  # the first is in notify()


def witness_wait_event_cleared_late(m):
    return _stuck_wait(m, "wait_event_cleared_late", "changed.clear()")


def witness_ascomp_event_cleared_late(m):
    f, g = m.Future(), m.Future()
    stop = Breakpoint(_module("ascomp_event_cleared_late"), "arrived.clear()")
    iterator = m.as_completed([f, g], timeout=HELD)
    consuming = Thread(lambda: [next(iterator), next(iterator)], breakpoint=stop)
    f.set_result(1)
    stop.wait()
    g.set_result(2)
    stop.resume()
    with pytest.raises(m.TimeoutError):  # ASCOMP-ORDER-1: g was done all along
        consuming.result()
    return "as_completed() raised TimeoutError with a finished future not yielded"


def witness_ascomp_check_then_lock(m):
    f, g = m.Future(), m.Future()
    iterator = m.as_completed([f, g])
    consuming, stop = _stopped("ascomp_check_then_lock", "with changed:", next, iterator, occurrence=2)
    f.set_result(1)
    stop.resume()
    assert consuming.stuck()  # ASCOMP-ORDER-1
    g.set_result(2)
    assert consuming.result() in (f, g)
    return "as_completed() went on blocking after a future completed"


def witness_wait_locks_in_given_order(m):
    f, g = m.Future(), m.Future()
    first, stop = _stopped("wait_locks_in_given_order", "for f in rest:", m.wait, [f, g], 0)  # f's lock held
    second = Thread(m.wait, [g, f], 0)
    assert second.stuck()  # it holds g's lock and waits for f's
    stop.resume()
    assert first.stuck() and second.stuck()  # WAIT-OVERLAP-1: a deadlock, which nothing can end
    return "two wait(timeout=0)s given the same futures in opposite orders deadlocked"


def witness_worker_check_then_lock(m):
    executor = m.ThreadPoolExecutor(max_workers=1)
    stop = Breakpoint(_module("worker_check_then_lock"), "with self._work:")
    threading.settrace(stop.trace)  # the worker thread starts now, traced
    try:
        executor.submit(int).result(LIMIT)
    finally:
        threading.settrace(None)
    stop.wait()  # the worker found the queue empty
    second = executor.submit(int)
    stop.resume()
    with pytest.raises(m.TimeoutError):  # EXEC-START-1
        second.result(HELD)
    executor.shutdown(wait=True)
    return "a call submitted to an idle executor never started"


def witness_submit_check_then_lock(m):
    executor = m.ThreadPoolExecutor(max_workers=1)
    executor.submit(int).result(LIMIT)
    submitting, stop = _stopped("submit_check_then_lock", "with self._work:", executor.submit, int)
    executor.shutdown(wait=True)
    stop.resume()
    late = submitting.result()  # EXEC-ATOMIC-1: submit() returned a future after shutdown(wait=True) returned ...
    with pytest.raises(m.TimeoutError):  # ... whose call never runs
        late.result(HELD)
    late.cancel()
    return "submit() racing shutdown() accepted a call that never runs"


def witness_wait_count_unlocked(m):
    f, g = m.Future(), m.Future()
    waiting, registered = _stopped("wait_count_unlocked", "every = ", m.wait, [f, g], None, m.ALL_COMPLETED)
    completing, stop = _stopped("wait_count_unlocked", "pending[0] = left", f.set_result, 1)  # read 2, about to write 1
    g.set_result(2)  # its callback writes 1
    stop.resume()  # writes 1 again: one completion lost
    completing.result()
    registered.resume()
    assert waiting.stuck()  # WAIT-RETURN-3: both futures are done
    return "wait(ALL_COMPLETED) went on blocking after every future completed"


def witness_shutdown_waits_once(m):
    executor = m.ThreadPoolExecutor(max_workers=1)
    release = threading.Event()
    running = executor.submit(release.wait, LIMIT)
    first, joining = _stopped("shutdown_waits_once", "self._join(workers)", executor.shutdown, True)
    second = Thread(executor.shutdown, True)
    second.result()  # EXEC-SHUTDOWN-4: returned while the call runs
    assert not running.done()
    release.set()
    joining.resume()
    first.result()
    return "a shutdown(wait=True) concurrent with another returned before the calls had finished"


WITNESSES = {name[len("witness_"):]: fn for name, fn in globals().items() if name.startswith("witness_")}


@pytest.mark.parametrize("name", NAMES)
def test_the_bug_shows_under_a_hand_written_schedule(name):
    assert name in WITNESSES, f"tests/faulty/races/{name}.py has no witness schedule here"
    assert WITNESSES[name](_module(name))
