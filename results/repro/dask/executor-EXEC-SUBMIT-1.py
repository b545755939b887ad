"""EXEC-SUBMIT-1 with dask alone, client.get_executor(): the future of a call that has not finished must not be done.

ClientExecutor.shutdown(wait=False) cancels every future it handed out, as its docstring says ("all running futures
are cancelled immediately"): the future of a call still running becomes done, cancelled, though the call goes on.
Exits 1 while it is done before the call has finished."""
import concurrent.futures
import sys

import distributed


def wait_for():
    distributed.Event("started").set()
    distributed.Event("release").wait()


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    executor = client.get_executor(pure=False)
    running = executor.submit(wait_for)
    distributed.Event("started").wait(10)
    executor.shutdown(wait=False)
    done = bool(concurrent.futures.wait([running], timeout=2).done)  # the cancellation reaches it a moment later
    print("after shutdown(wait=False), done() of a running call's future:", done, "; cancelled():", running.cancelled())
    distributed.Event("release").set()
    client.close()
    cluster.close()
    sys.exit(1 if done else 0)
