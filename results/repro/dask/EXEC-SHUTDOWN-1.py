"""EXEC-SHUTDOWN-1 with dask alone: after an executor's shutdown, submit() must raise RuntimeError (or a subclass).

A Client is the executor of Client.submit, and close() its shutdown: Client.submit() on a closed client raises
distributed.client.ClosedClientError, which is not a RuntimeError. Exits 1 while it is not."""
import sys

import distributed

if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster, set_as_default=False)
    client.close()
    try:
        client.submit(print, "ran after close()", pure=False)
        raised = None
    except Exception as error:
        raised = error
    print("submit() after close() raised", repr(raised), "; its classes:", type(raised).__mro__)
    cluster.close()
    sys.exit(0 if isinstance(raised, RuntimeError) else 1)
