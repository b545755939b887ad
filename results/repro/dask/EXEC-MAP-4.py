"""EXEC-MAP-4 with dask alone: cancelling the calls of a map() that have not started must keep them from running.

Client.cancel() of the futures of calls queued behind a busy worker thread marks them cancelled, yet the worker,
which had already been handed them, runs them once the thread is free. Exits 1 while a cancelled call runs."""
import sys

import distributed


def call(number):
    if number == 0:
        distributed.Event("busy").set()
        distributed.Event("release").wait()
    else:
        distributed.Variable(f"ran-{number}").set(True)


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    futures = client.map(call, range(3), pure=False)
    distributed.Event("busy").wait(10)
    client.cancel(futures[1:])
    print("cancelled:", [f.cancelled() for f in futures[1:]])
    distributed.Event("release").set()
    futures[0].result(10)
    ran = []
    for number in (1, 2):
        try:
            ran.append(distributed.Variable(f"ran-{number}").get(timeout=2))
        except TimeoutError:
            ran.append(False)
    print("the cancelled calls ran:", ran)
    client.close()
    cluster.close()
    sys.exit(1 if any(ran) else 0)
