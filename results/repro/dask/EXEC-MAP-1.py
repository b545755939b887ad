"""EXEC-MAP-1 with dask alone, Client.map(): each result, read in order, is the result of its call.

The adapter's shutdown() is Client.close(), which releases the client's futures (EXEC-SUBMIT-1.py): a reader waiting
in future.result() for a call still running gets dask's FutureCancelledError (or CancelledError), though the call
goes on, and a future read after the close never gives its result. The suite meets this when its map() iterator is
still being read when shutdown() comes, on some seeds only. Exits 1 while result() fails after close()."""
import sys
import threading

import distributed


def wait_for(_):
    distributed.Event("started").set()
    distributed.Event("release").wait()
    return "result"


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    [future] = client.map(wait_for, [1], pure=False)
    distributed.Event("started", client=client).wait(10)
    outcome = []

    def read():
        try:
            outcome.append(future.result(10))
        except BaseException as error:  # noqa: B036 - the observation
            outcome.append(error)
    reader = threading.Thread(target=read)
    reader.start()
    client.close()
    reader.join(15)
    failed = bool(outcome) and isinstance(outcome[0], BaseException)
    print("result() of a running call's future across Client.close():", repr(outcome[0]) if outcome else "waiting")
    cluster.close()
    sys.exit(1 if failed else 0)
