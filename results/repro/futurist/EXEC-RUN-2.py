"""EXEC-RUN-2 with futurist alone: a queued call's future must be PENDING (running() False) until the call starts.

With one worker busy, a second call waits; futurist's pool (the standard library's ProcessPoolExecutor) moves it
into its call queue and marks its future RUNNING first (gh-81457), so it can no longer be cancelled.
Exits 1 while the bug is present."""
import multiprocessing
import sys
import time

import multiprocessing as mp
import futurist
from _gates import gated

if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        started, release = manager.dict(), manager.Event()
        executor = futurist.ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"))
        first = executor.submit(gated, started, release, 1)
        second = executor.submit(gated, started, release, 2)
        deadline = time.monotonic() + 30
        while 1 not in started and time.monotonic() < deadline:  # wait for the first call to run
            release.wait(0.01)
        seen_running, watch_until = False, time.monotonic() + 5
        while time.monotonic() < watch_until and not seen_running:  # watch the queued call for up to 5 s
            seen_running = second.running() and 2 not in started
            release.wait(0.01)
        print("the second call has not started; its future running():", seen_running,
              "- cancel() returns", second.cancel())
        release.set()
        executor.shutdown(wait=True)
    sys.exit(1 if seen_running else 0)
