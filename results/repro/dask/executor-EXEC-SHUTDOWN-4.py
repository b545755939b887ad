"""EXEC-SHUTDOWN-4 with dask alone, client.get_executor(): shutdown(wait=True) returns once every call has finished.

ClientExecutor.shutdown(wait=True) waits for the futures in its WeakSet, and map() adds a future there only when its
iterator reaches it: a call of map() whose result nobody has asked for yet is not waited for. The suite meets this
only when its map() iterator is behind when shutdown(wait=True) begins. Exits 1 while shutdown(wait=True) returns
before the call finished."""
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
    executor = client.get_executor(pure=False)
    iterator = executor.map(wait_for, [1])
    distributed.Event("started").wait(10)
    waiter = threading.Thread(target=executor.shutdown, kwargs={"wait": True})
    waiter.start()
    waiter.join(5)
    early = not waiter.is_alive()
    print("shutdown(wait=True) returned while map()'s call still ran:", early)
    distributed.Event("release").set()
    waiter.join(10)
    client.close()
    cluster.close()
    sys.exit(1 if early else 0)
