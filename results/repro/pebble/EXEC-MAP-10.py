"""EXEC-MAP-10 (a SHOULD) with pebble alone: once next() has returned an item's result and the consumer dropped it,
neither map()'s iterator nor the pool should keep that result alive.

pebble's map() returns a future (MapFuture) holding the list of every chunk's future, and the iterator its result()
hands out (MapResults) chains a generator over that same list: each chunk's future, and so its result, stays alive
until the iterator itself is dropped. Checked on both pools; exits 1 while a dropped result is still alive."""
import gc
import multiprocessing
import sys
import weakref

import pebble


class Payload:
    def __init__(self, number):
        self.number = number


def first_result_alive(pool):
    results = pool.map(Payload, range(3)).result()  # the map future is dropped: only the iterator is kept
    first = weakref.ref(next(results))
    next(results)
    next(results)
    gc.collect()
    pool.close()
    pool.join()
    return first() is not None


if __name__ == "__main__":
    alive = {"ThreadPool": first_result_alive(pebble.ThreadPool(max_workers=1)),
             "ProcessPool": first_result_alive(pebble.ProcessPool(max_workers=1,
                                                                  context=multiprocessing.get_context("spawn")))}
    print("the first result, dropped after next(), is still alive at the end:", alive)
    sys.exit(1 if any(alive.values()) else 0)
