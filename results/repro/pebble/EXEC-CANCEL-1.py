"""EXEC-CANCEL-1 with pebble alone: cancel() of a queued call's future returns True, and the call never starts.

pebble's ProcessPool sends every scheduled call down its workers' channel at once. A call cancelled while queued
there is still taken by the next free worker, which acknowledges it and starts it; the pool, seeing a cancelled call
acknowledged, then terminates that worker (every 0.1 s). Whether the call's first lines ran before the worker died
is a race. Runs the scenario ROUNDS times and exits 1 if the cancelled call ever started.

Upstream: https://github.com/noxdafox/pebble/issues/144 (closed)."""
import multiprocessing
import sys
import time

import pebble
from _gates import gated

ROUNDS = 5

if __name__ == "__main__":
    starts = 0
    with multiprocessing.Manager() as manager:
        for _ in range(ROUNDS):
            started, release = manager.dict(), manager.Event()
            pool = pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))
            first = pool.schedule(gated, args=(started, release, 1))
            second = pool.schedule(gated, args=(started, release, 2))
            deadline = time.monotonic() + 30
            while 1 not in started and time.monotonic() < deadline:
                release.wait(0.01)
            cancelled = second.cancel()
            release.set()
            first.result(timeout=30)
            pool.close()
            pool.join()
            starts += 2 in started
            print("cancel() of the queued call returned", cancelled, "- the call started anyway:", 2 in started)
    print(f"the cancelled call started in {starts} of {ROUNDS} rounds")
    sys.exit(1 if starts else 0)
