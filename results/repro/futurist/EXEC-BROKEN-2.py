"""EXEC-BROKEN-2 with futurist alone: when a worker dies, every unfinished future not cancelled must finish
promptly with BrokenExecutor, and a cancelled one stays cancelled.

futurist's ProcessPoolExecutor is the standard library's; before 3.12 its manager thread fails the pending futures
one by one and dies at the first one cancelled while queued (set_exception() raises InvalidStateError), so the calls
queued after it never finish (gh-107219). Exits 1 while the bug is present."""
import multiprocessing
import sys
import time

import futurist
import futurist.waiters
from _gates import gated_exit

if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        started, release = manager.dict(), manager.Event()
        executor = futurist.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        dying = executor.submit(gated_exit, started, release, 1)
        queued = [executor.submit(abs, -n) for n in range(2, 7)]
        deadline = time.monotonic() + 60
        while 1 not in started and time.monotonic() < deadline:  # the first call runs: the others are queued
            release.wait(0.01)
        cancelled = queued[2]  # beyond the call queue (max_workers + 1 calls), so still cancellable
        print("cancel() of a queued call returned", cancelled.cancel())
        release.set()  # the worker now dies
        others = [f for f in queued if f is not cancelled]
        futurist.waiters.wait_for_all(others, timeout=10)
        not_done = [queued.index(f) + 2 for f in others if not f.done()]
        print("calls whose futures were not done 10 s after the worker died:", not_done)
        executor.shutdown(wait=False)
    sys.exit(1 if not_done else 0)
