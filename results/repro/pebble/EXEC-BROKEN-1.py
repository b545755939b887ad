"""EXEC-BROKEN-1 with pebble alone: when the initializer raises, the pool is broken: the queued calls finish with
BrokenExecutor, and a later submit raises BrokenExecutor.

pebble's ThreadPool enters an error state in which the queued calls never finish; ProcessPool fails them with
BrokenProcessPool. Both then raise RuntimeError("Unexpected error within the Pool") on schedule(), not
BrokenExecutor. Exits 1 while the bug is present in either pool."""
import concurrent.futures
import multiprocessing
import sys

import pebble


def failing_initializer():
    raise ValueError("the initializer fails on purpose")


def check(pool):
    name = type(pool).__name__
    future = pool.schedule(int, args=(7,))
    try:
        outcome = f"raised {future.exception(timeout=10)!r}"
        broken = isinstance(future.exception(0), concurrent.futures.BrokenExecutor)
    except concurrent.futures.TimeoutError:
        outcome, broken = "was not done within 10 s", False
    print(f"{name}: the queued call's future {outcome}")
    try:
        pool.schedule(int)
        later, ok = "returned a future", False
    except concurrent.futures.BrokenExecutor as error:
        later, ok = f"raised {error!r}", True
    except Exception as error:
        later, ok = f"raised {error!r}", False
    print(f"{name}: a later schedule() {later}")
    pool.stop()
    pool.join()
    return broken and ok


if __name__ == "__main__":
    conforming = [check(pebble.ThreadPool(max_workers=1, initializer=failing_initializer)),
                  check(pebble.ProcessPool(max_workers=1, initializer=failing_initializer,
                                           context=multiprocessing.get_context("spawn")))]
    sys.exit(0 if all(conforming) else 1)
