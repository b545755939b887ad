"""EXEC-MAP-11 with dask alone: when map()'s input raises while map() reads it, map() must raise that exception —
for both faces: Client.map and client.get_executor().map.

Both refuse an iterator as input (a generator here, which raises ValueError after two items): Client.map raises
TypeError("Dask no longer supports mapping over Iterators or Queues...") before reading it, and the executor's
map() calls Client.map. Exits 1 while either raises anything but the input's ValueError."""
import sys

import distributed


def items():
    yield -1
    yield -2
    raise ValueError("the input fails")


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    wrong = []
    for face, executor in (("Client.map", client), ("ClientExecutor.map", client.get_executor(pure=False))):
        try:
            executor.map(abs, items(), pure=False) if executor is client else executor.map(abs, items())
        except Exception as error:
            print(f"{face}(abs, <a generator raising ValueError after two items>) raised {error!r}")
            wrong.append(not isinstance(error, ValueError))
        else:
            print(f"{face}(abs, <a generator raising ValueError after two items>) raised nothing")
            wrong.append(True)
    client.close()
    cluster.close()
    sys.exit(1 if any(wrong) else 0)
