"""EXEC-CANCEL-1 with dask alone: cancel() on the future of a queued call must return True.

distributed.Future.cancel() returns None: here the future of a call queued behind a busy worker thread. The future is
cancelled all the same, yet the call runs once the thread is free (printing "the queued call ran"; EXEC-MAP-4.py
checks that side). Exits 1 while cancel() returns something other than True."""
import sys

import distributed


def wait_for(name):
    distributed.Event(name).wait()


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster, set_as_default=False)
    busy, release = distributed.Event("busy", client=client), distributed.Event("release", client=client)
    running = client.submit(lambda: (busy.set(), release.wait()), pure=False)
    busy.wait(10)
    queued = client.submit(print, "the queued call ran", pure=False)
    returned = queued.cancel()
    print("cancel() of the queued call's future returned", returned, "; cancelled():", queued.cancelled())
    release.set()
    running.result(10)
    client.close()
    cluster.close()
    sys.exit(0 if returned is True else 1)
