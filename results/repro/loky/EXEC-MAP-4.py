"""EXEC-MAP-4 with loky alone: closing map()'s iterator, once advanced, must cancel the calls not started.

One worker, three calls; the first returns, next() yields it, the iterator is closed while the second runs. The
third has not started, but loky holds it in its call queue as RUNNING (gh-81457), so it is not cancelled and runs.
Exits 1 while the bug is present."""
import multiprocessing
import sys
import time

import loky
from _gates import gated


def wait_for(started, number, release, seconds=30):
    deadline = time.monotonic() + seconds
    while number not in started and time.monotonic() < deadline:
        release.wait(0.01)
    return number in started


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        started = manager.dict()
        releases = [manager.Event() for _ in range(3)]
        executor = loky.ProcessPoolExecutor(max_workers=1)
        results = executor.map(gated, [started] * 3, releases, [1, 2, 3])
        releases[0].set()
        print("next() returned", next(results))
        wait_for(started, 2, releases[1])
        results.close()
        releases[1].set()
        releases[2].set()
        executor.shutdown(wait=True)
        ran = 3 in started
        print("the third call, not started when the iterator was closed, ran:", ran)
    sys.exit(1 if ran else 0)
