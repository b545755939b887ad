"""EXEC-SHUTDOWN-2 with dask alone, Client.submit(): after the view's shutdown(wait=False), every call already submitted
and not cancelled still runs.

The adapter's shutdown(wait=False) is Client.close(), which releases the client's futures (EXEC-SUBMIT-1.py): calls
queued behind a busy worker thread, which nobody cancelled, never run. (A queued call the scheduler had already
handed to the worker runs all the same, which is why the suite meets this on some seeds only; with one thread, the
last of three queued calls is never handed early.) Exits 1 while the last queued call never runs."""
import sys

import distributed


def call(number):
    if number == 0:
        distributed.Event("busy").set()
        distributed.Event("release").wait()
    distributed.Variable(f"ran-{number}").set(True)


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    futures = [client.submit(call, number, pure=False) for number in range(4)]
    distributed.Event("busy").wait(10)
    watcher = distributed.Client(cluster)  # the run's other clients go on
    client.close()
    distributed.Event("release", client=watcher).set()
    try:
        ran = distributed.Variable("ran-3", client=watcher).get(timeout=5)
    except Exception:  # noqa: BLE001 - not set: the call never ran
        ran = False
    print("the last queued call ran after Client.close():", ran)
    watcher.close()
    cluster.close()
    sys.exit(0 if ran else 1)
