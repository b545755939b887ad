"""EXEC-RUN-1 with pebble alone: cancel() on the future of a running call must return False, and the call must
finish as usual.

pebble's ProcessPool cancels it and terminates the worker running it (documented behaviour). Exits 1 while the
behaviour is present."""
import multiprocessing
import sys
import time

import pebble
from _gates import gated

if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        started, release = manager.dict(), manager.Event()
        pool = pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))
        future = pool.schedule(gated, args=(started, release, 1))
        deadline = time.monotonic() + 30
        while not (1 in started and future.running()) and time.monotonic() < deadline:
            release.wait(0.01)
        print("the call has started; running():", future.running())
        returned = future.cancel()
        release.set()
        try:
            outcome = f"returned {future.result(timeout=10)!r}"
        except Exception as error:
            outcome = f"raised {error!r}"
        print("cancel() returned", returned, "- result()", outcome)
        pool.close()
        pool.join()
    sys.exit(1 if returned else 0)
