"""EXEC-MAP-1 with dask alone, client.get_executor(): each next() on map() waits for its item's call.

ClientExecutor.shutdown(wait=False) cancels every future it handed out (executor-EXEC-SUBMIT-1.py), and map()'s
iterator hands its futures over as it reaches them: a next() waiting for a call still running raises dask's
FutureCancelledError, though the call goes on. Which of map()'s calls are cancelled depends on how far the iterator
has got, which is why the suite meets this on some seeds only. Exits 1 while next() raises before the call finished."""
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
    outcome = []
    reached = threading.Event()

    def consume():
        reached.set()
        try:
            outcome.append(next(iterator))
        except BaseException as error:  # noqa: B036 - the observation
            outcome.append(error)
    consumer = threading.Thread(target=consume)
    consumer.start()
    reached.wait()
    consumer.join(1)  # a moment for next() to block in future.result(), once the iterator has handed its future
    executor.shutdown(wait=False)
    consumer.join(5)
    early = bool(outcome) and isinstance(outcome[0], BaseException)
    print("next() while the call ran, after shutdown(wait=False):", outcome[0] if outcome else "still waiting")
    distributed.Event("release").set()
    client.close()
    cluster.close()
    sys.exit(1 if early else 0)
