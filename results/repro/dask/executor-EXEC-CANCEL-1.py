"""EXEC-CANCEL-1 with dask alone, client.get_executor(): cancel() of a queued call's future must keep the call from
ever starting.

The executor's futures are concurrent.futures.Futures: cancel() returns True at once, and a callback then cancels
the dask future, but the worker, which had already been handed the task, runs it once its thread is free. Exits 1
while the cancelled call runs."""
import sys

import distributed


def call(number):
    if number == 0:
        distributed.Event("busy").set()
        distributed.Event("release").wait()
    else:
        distributed.Variable("ran").set(True)


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    executor = client.get_executor(pure=False)
    running = executor.submit(call, 0)
    distributed.Event("busy").wait(10)
    queued = executor.submit(call, 1)
    print("cancel() of the queued call's future returned", queued.cancel())
    distributed.Event("release").set()
    running.result(10)
    try:
        ran = distributed.Variable("ran").get(timeout=2)
    except TimeoutError:
        ran = False
    print("the cancelled call ran:", ran)
    client.close()
    cluster.close()
    sys.exit(1 if ran else 0)
