"""The watchdog turns a call that does not return into a verdict, and only such a call: time that was not the
implementation's — a garbage collection, which pauses every thread, or a worker that took the call up late on a
starved machine — is not counted against it (no false alarms on a loaded machine). What it waits for may be an object
being freed (collecting.Freed)."""
import dataclasses
import gc
import threading
import types

import pytest

from conformance import collecting, config, watchdog

LIMITS = dataclasses.replace(config.Limits.from_environment(), hang=0.2, repeat_hang=0.2)


def _watchdog():
    """A watchdog that sees simulated collections only: the real ones of a long-lived pytest worker (whose heap may
    take seconds to collect, in other threads too) would excuse the test's own hang."""
    collections = watchdog._Collections()
    return watchdog.Watchdog(LIMITS, collections=collections), collections


def _blocked_for(seconds, collections=None):
    """A call that is blocked `seconds`, all of it inside a (simulated) garbage collection given `collections`."""
    def call():
        if collections:
            collections("start", {})
        try:
            threading.Event().wait(seconds)  # the pause itself: a stand-in for the collector's work
        finally:
            if collections:
                collections("stop", {})
        return "returned"
    return call


def test_a_call_blocked_past_its_limit_is_a_hang():
    with pytest.raises(watchdog.Hang, match="did not return within 0.20 s"):
        _watchdog()[0].call("blocked()", _blocked_for(0.6), kind="K")


def test_a_garbage_collection_during_a_call_is_not_counted_against_it():
    dog, collections = _watchdog()
    call = dog.call("collected()", _blocked_for(0.6, collections), kind="K")
    assert call.value == "returned"


def test_a_garbage_collection_during_a_wait_is_not_counted_against_it():
    (dog, collections), done = _watchdog(), threading.Event()
    threading.Thread(target=lambda: (_blocked_for(0.6, collections)(), done.set())).start()
    assert dog.wait("K", done)


class _Payload:
    pass


def test_a_result_freed_later_in_another_thread_is_waited_for():
    """collecting.Freed (EXEC-MAP-10): a result another thread lets go of after the check began is seen freed."""
    held, release = [_Payload()], threading.Event()
    freed = collecting.Freed(held[0])
    threading.Thread(target=lambda: (release.wait(), held.clear())).start()
    assert not freed.wait(0)
    release.set()
    assert _watchdog()[0].wait("K", freed)


def test_a_result_left_in_a_cycle_is_collected_while_waited_for():
    cycle = _Payload()
    cycle.itself = cycle
    freed = collecting.Freed(cycle)
    del cycle
    assert _watchdog()[0].wait("K", freed)


def test_a_result_still_held_is_a_timeout_of_the_wait():
    kept = _Payload()
    assert not _watchdog()[0].wait("K", collecting.Freed(kept))


def test_the_collections_a_wait_makes_itself_are_not_excused():
    """collecting.Freed collects while it waits: were those collections excused, each look would push the wait's
    deadline further (up to the startup allowance: a minute per wait in a big process)."""
    before = watchdog.COLLECTIONS.seconds()
    with watchdog.COLLECTIONS.uncounted():
        for _ in range(3):
            gc.collect()
    assert watchdog.COLLECTIONS.seconds() == before
    gc.collect()
    assert watchdog.COLLECTIONS.seconds() > before


def test_racers_started_too_late_to_meet_are_not_judged(monkeypatch):
    """A loaded machine may start one racer of the Future machine's race() only after the others gave up waiting for
    it at their barrier: none of them called the implementation, so nothing is judged. (It was a false CF-ATOMIC-1 on
    a loaded machine: both racers' BrokenBarrierError taken for the implementation's errors, "which no serial order
    of those calls allows".)"""
    from conformance import loading, runner
    from conformance.future import machine

    class Missed(threading.Barrier):
        def wait(self, timeout=None):
            self.abort()  # as a party that timed out breaks it for all
            return super().wait(timeout)

    monkeypatch.setattr(machine, "threading", types.SimpleNamespace(Barrier=Missed,
                                                                    BrokenBarrierError=threading.BrokenBarrierError))
    report = runner.run(loading.load("stdlib"), settings_profile="dev", seed=0,
                        skip=("RaceMachine", "WaitMachine", "ExecutorMachine"))
    assert not [cid for cid, v in report.verdicts.items() if v.verdict == "fail"]
