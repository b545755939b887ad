"""EXEC-SUBMIT-1 with dask alone: the future of a call that has not finished must not be done.

A Client is the executor of Client.submit, and close() its shutdown: close() releases the client's futures, so the
future of a call still running is at once done (cancelled) though the call goes on in its worker. Exits 1 while the
future is done before the call has finished."""
import sys

import distributed


def wait_for(started, release):
    distributed.Event(started).set()
    distributed.Event(release).wait()


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster, set_as_default=False)
    observer = distributed.Client(cluster, set_as_default=False)
    started = distributed.Event("started", client=observer)
    running = client.submit(wait_for, "started", "release", pure=False)
    started.wait(10)
    client.close()
    done = running.done()
    print("after close(), done() of a running call's future:", done, "; its status:", running.status)
    distributed.Event("release", client=observer).set()
    observer.close()
    cluster.close()
    sys.exit(1 if done else 0)
