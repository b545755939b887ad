"""EXEC-SUBMIT-2 with dask alone, on a LocalCluster whose worker is a process (processes=True, host 127.0.0.1): a
call that raises SystemExit or KeyboardInterrupt must land that exception in its future.

The exception ends the worker process; its nanny starts a new one, and the scheduler runs the task again there (up to
`distributed.scheduler.allowed-failures`, 3 by default), each time ending that process too, until it gives up: the
future raises KilledWorker, seconds later, not the call's exception (and the call ran more than once). Exits 1 when
the future of either call does not raise the call's own exception within 60 s."""
import sys

import distributed


def interrupt(kind):
    raise {"exit": SystemExit, "interrupt": KeyboardInterrupt}[kind](kind)


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=":0")
    client = distributed.Client(cluster, set_as_default=False)
    wrong = []
    for kind, expected in (("exit", SystemExit), ("interrupt", KeyboardInterrupt)):
        future = client.submit(interrupt, kind, pure=False)
        try:
            future.result(timeout=60)
            got = None
        except BaseException as error:  # noqa: B036 - what the future raises is the observation
            got = error
        print(f"a call raising {expected.__name__}: its future raised {type(got).__name__}")
        if not isinstance(got, expected):
            wrong.append(kind)
    client.close()
    cluster.close()
    sys.exit(1 if wrong else 0)
