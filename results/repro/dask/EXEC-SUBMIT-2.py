"""EXEC-SUBMIT-2 with dask alone: when a call raises, its future must finish with that exception, KeyboardInterrupt
and SystemExit included.

On a threaded LocalCluster (processes=False), a task raising KeyboardInterrupt (or SystemExit: pass `exit`) escapes
the worker's task runner and stops the event loop the cluster runs on: the future never finishes, and the cluster
takes no more work. Exits 1 while the future is still pending after 5 s."""
import sys

import distributed

error = SystemExit(3) if sys.argv[1:] == ["exit"] else KeyboardInterrupt("raised by the call")


def call():
    raise error


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster, set_as_default=False)
    future = client.submit(call, pure=False)
    try:
        future.result(timeout=5)
    except BaseException as raised:
        print("result() raised", repr(raised), "; the future's status:", future.status)
    print("the cluster's event loop is closed:", cluster.loop.asyncio_loop.is_closed())
    sys.exit(0 if future.status == "error" else 1)
