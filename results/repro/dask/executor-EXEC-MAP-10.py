"""EXEC-MAP-10 with dask alone, client.get_executor(): a result next() has returned, once dropped, is freed.

map()'s iterator keeps no reference to a future it has passed, yet the first result is still alive after the
consumer dropped it, the iterator moved on twice and gc.collect() ran: the threaded cluster still holds it (its
key is released through the scheduler, a round trip later). Exits 1 while the dropped result is alive."""
import gc
import sys
import weakref

import distributed


class Payload:
    def __init__(self, number):
        self.number = number


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    executor = client.get_executor(pure=False)
    iterator = executor.map(Payload, range(3))
    first = weakref.ref(next(iterator))
    next(iterator), next(iterator)
    gc.collect()
    kept = first() is not None
    print("the first result, dropped, is still alive:", kept)
    client.close()
    cluster.close()
    sys.exit(1 if kept else 0)
