"""EXEC-MAP-5 with dask alone, client.get_executor(): once map()'s timeout has expired, next() must raise
TimeoutError.

ClientExecutor.map() passes future.result() the time left, end_time - time(), which is negative once the timeout has
expired, and dask's parse_timedelta() cannot read a negative number: next() raises ValueError. Exits 1 while it does
not raise TimeoutError."""
import sys
import time

import distributed


def wait_for():
    distributed.Event("release").wait()


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    executor = client.get_executor(pure=False)
    results = executor.map(lambda _: wait_for(), [1], timeout=0.01)
    time.sleep(0.1)  # let the timeout expire: this script's point is what next() does afterwards
    try:
        next(results)
        raised = None
    except Exception as error:
        raised = error
    print("next() after the timeout raised", repr(raised))
    distributed.Event("release").set()
    client.close()
    cluster.close()
    sys.exit(0 if isinstance(raised, TimeoutError) else 1)
