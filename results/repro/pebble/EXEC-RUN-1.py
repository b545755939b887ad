"""EXEC-RUN-1 with pebble alone: cancel() on the future of a running call must return False, and the call must
finish as usual; and the future of a call that has started must be RUNNING.

pebble's ProcessPool cancels it and terminates the worker running it (documented behaviour). Exits 1 while that
behaviour is present. Besides, the pool marks a future RUNNING only once its own thread has read the worker's
acknowledgement, so the future of a call that has started can for a moment say running() False: the script counts
how often it sees that over LAG_ROUNDS calls (on a loaded machine now and then: 1 in 60; on an idle one rarely)."""
import multiprocessing
import sys
import time

import pebble
from _gates import gated

LAG_ROUNDS = 60

if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        pool = pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))
        lags = 0
        for number in range(LAG_ROUNDS):
            started, release = manager.dict(), manager.Event()
            future = pool.schedule(gated, args=(started, release, number))
            deadline = time.monotonic() + 30
            while number not in started and time.monotonic() < deadline:
                pass
            lags += not future.running()
            release.set()
            future.result(timeout=30)
        print(f"running() was False right after the call started in {lags} of {LAG_ROUNDS} calls")

        started, release = manager.dict(), manager.Event()
        future = pool.schedule(gated, args=(started, release, LAG_ROUNDS))
        deadline = time.monotonic() + 30
        while not (LAG_ROUNDS in started and future.running()) and time.monotonic() < deadline:
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
