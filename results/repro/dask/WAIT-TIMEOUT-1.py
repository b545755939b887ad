"""WAIT-TIMEOUT-1 with dask alone: wait(fs, timeout) must return the (done, not_done) pair when the timeout expires,
never raise.

distributed.wait() raises TimeoutError when its timeout expires before the futures are done (its docstring says so).
Exits 1 while it raises."""
import sys

import distributed


def wait_for(name):
    distributed.Event(name).wait()


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    release = distributed.Event("release")
    running = client.submit(wait_for, "release", pure=False)
    try:
        print("wait(timeout=0) returned", distributed.wait([running], timeout=0))
        raised = None
    except Exception as error:
        raised = error
        print("wait(timeout=0) raised", repr(raised))
    release.set()
    running.result(10)
    client.close()
    cluster.close()
    sys.exit(1 if raised else 0)
