"""EXEC-BROKEN-2 with pebble alone: when a worker dies while running a call, the pool is broken: every unfinished
call finishes with BrokenExecutor, and later submits raise it.

pebble's ProcessPool replaces the dead worker, fails only the call it ran, with pebble.ProcessExpired, and runs the
others (by design). If the worker dies before the pool has processed its acknowledgement of the call, the pool
instead fails every call with BrokenProcessPool ("All workers expired"), but a later schedule() then raises
RuntimeError, not BrokenExecutor: either way the clause is broken. Exits 1 while the behaviour is present."""
import concurrent.futures
import multiprocessing
import os
import sys

import pebble


def die():
    os._exit(70)


if __name__ == "__main__":
    pool = pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))
    dying = pool.schedule(die)
    queued = pool.schedule(int, args=(7,))
    error = dying.exception(timeout=30)
    print("the call whose worker died:", repr(error))
    try:
        queued_outcome = f"returned {queued.result(timeout=30)!r}"
    except BaseException as other:
        queued_outcome = f"raised {other!r}"
    print("the queued call", queued_outcome)
    try:
        pool.schedule(int)
        later = None
    except Exception as refused:
        later = refused
    print("a later schedule():", repr(later) if later else "accepted")
    pool.stop()
    pool.join()
    broken = concurrent.futures.BrokenExecutor
    sys.exit(0 if isinstance(error, broken) and isinstance(later, broken) else 1)
