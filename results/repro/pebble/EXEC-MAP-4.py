"""EXEC-MAP-4 with pebble alone: once map()'s iterator has been advanced, closing it must cancel the calls that have
not started, so that they never run.

pebble's way to drop a map() is cancel() of the future it returned, which cancels every call's future. Its
ProcessPool sends each call down its workers' channel when map() schedules it, so a call still queued when it is
cancelled is taken by the next free worker and started before the pool sees it cancelled and terminates that worker
(as in EXEC-CANCEL-1.py). Runs the scenario ROUNDS times and exits 1 if a cancelled call that had not started ever
started.

Upstream: https://github.com/noxdafox/pebble/issues/144 (closed), about cancel() of a queued call."""
import multiprocessing
import sys
import time

import pebble
from _gates import gated

ROUNDS = 5


def wait_for(started, number):
    deadline = time.monotonic() + 30
    while number not in started and time.monotonic() < deadline:
        time.sleep(0.01)


if __name__ == "__main__":
    starts = 0
    with multiprocessing.Manager() as manager:
        for _ in range(ROUNDS):
            started, releases = manager.dict(), [manager.Event() for _ in range(3)]
            pool = pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))
            mapped = pool.map(gated, [started] * 3, releases, [1, 2, 3])
            wait_for(started, 1)
            releases[0].set()
            results = mapped.result(timeout=30)  # set once the first call has finished
            first = next(results)
            wait_for(started, 2)  # the second call runs; the third is queued
            mapped.cancel()  # closing the iterator
            for release in releases:
                release.set()
            pool.close()
            pool.join()
            starts += 3 in started
            print(f"next() gave {first}; after cancel(), the queued third call started: {3 in started}")
    print(f"the cancelled queued call started in {starts} of {ROUNDS} rounds")
    sys.exit(1 if starts else 0)
