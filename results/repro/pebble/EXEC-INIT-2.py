"""EXEC-INIT-2 (SHOULD) with pebble alone: creating a pool with an initializer that is not callable should raise
TypeError, rather than breaking the pool at its first call.

Both of pebble's pools accept initializer=42; the ThreadPool then logs "'int' object is not callable" and its calls
never finish (EXEC-BROKEN-1's error state). Exits 1 while a pool accepts it."""
import multiprocessing
import sys

import pebble

if __name__ == "__main__":
    accepted = []
    for make in (lambda: pebble.ThreadPool(max_workers=1, initializer=42),
                 lambda: pebble.ProcessPool(max_workers=1, initializer=42,
                                            context=multiprocessing.get_context("spawn"))):
        try:
            pool = make()
        except TypeError as error:
            print("refused:", error)
            continue
        accepted.append(type(pool).__name__)
        pool.stop()
        pool.join()
    print("pools that accepted initializer=42:", accepted)
    sys.exit(1 if accepted else 0)
