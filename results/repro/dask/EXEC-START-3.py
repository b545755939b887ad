"""EXEC-START-3 (a SHOULD) with dask alone: calls queued behind a busy worker should start in submission order.

One worker thread is kept busy by the first call of a map() whose other calls queue behind it; one more call is then
submitted. dask does not promise FIFO: the worker runs the tasks it holds by their priority, not by arrival, so a
call submitted after a map() may start before the map's calls still queued (whether it does depends on which tasks
the worker had already been handed). For both faces (Client.map/submit and the executor of client.get_executor(),
which calls them). Runs ROUNDS rounds per face and exits 1 if a later call ever started before the map's queued
calls (it did in most rounds of the Client face here)."""
import os
import sys
import tempfile

import distributed

ROUNDS = 10


def step(path, number):
    if number == 0:
        distributed.Event("busy").set()
        distributed.Event("release").wait()
    with open(path, "a") as log:
        log.write(f"{number}\n")


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    executor = client.get_executor(pure=False)
    faces = {"Client": (lambda fn, *its: client.map(fn, *its, pure=False), lambda *a: client.submit(*a, pure=False)),
             "ClientExecutor": (executor.map, executor.submit)}
    out_of_order = 0
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(ROUNDS):
            for face, (map_, submit) in faces.items():
                distributed.Event("busy").clear()
                distributed.Event("release").clear()
                path = os.path.join(folder, f"{face}-{round_}")
                mapped = map_(step, [path] * 4, range(4))
                distributed.Event("busy").wait(30)
                later = submit(step, path, 99)
                distributed.Event("release").set()
                later.result(30)
                list(mapped) if face == "ClientExecutor" else [f.result(30) for f in mapped]
                with open(path) as log:
                    order = [int(line) for line in log]
                print(f"{face}: after the busy call, the calls started in the order {order} (99: the later one)")
                out_of_order += order != sorted(order)
    client.close()
    cluster.close()
    sys.exit(1 if out_of_order else 0)
