"""EXEC-EXIT-1 with dask alone: a program that ends while a call is running must not exit before that call has
finished — for both faces: Client.submit and client.get_executor().submit.

A child program on a threaded LocalCluster submits a call that prints "started" and then waits for a line on its
stdin, and ends its main thread without shutdown(). distributed runs its calls in daemon threads, which threading's
shutdown does not wait for (the child's last atexit hook, which runs first, prints "exiting"), and its own atexit
hooks close the cluster, cancelling the task: the process exits while the call still waits for its line. Exits 1
while that happens (for either face); nothing here depends on timing but the bound on how long to watch for an
early exit. With --drop (EXEC-EXIT-2.py), the child drops its client, executor and future (no reference left,
collected; the cluster stays referenced, as a program's own cluster would be) once the call has started."""
import subprocess
import sys

CHILD = r'''
import atexit, gc, sys
import distributed

def call():
    print("started", flush=True)
    distributed.Event("started").set()
    sys.stdin.readline()
    print("finished", flush=True)

if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster)
    executor = client.get_executor(pure=False) if sys.argv[1] == "executor" else None
    future = executor.submit(call) if executor else client.submit(call, pure=False)
    distributed.Event("started").wait(30)  # the call runs: now the main thread ends, without shutdown()
    if sys.argv[2] == "drop":
        del client, executor, future
        gc.collect()
    atexit.register(lambda: print("exiting", flush=True))
'''


def exits_early(face, drop):
    child = subprocess.Popen([sys.executable, "-c", CHILD, face, drop], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    assert child.stdout.readline().strip() == "started"
    try:
        status = child.wait(30)  # a conforming executor never exits before its call has its line: this bound ends it
    except subprocess.TimeoutExpired:
        status = None
        child.stdin.write("\n")
        child.stdin.close()
    lines = child.stdout.read().split()
    child.wait(30)
    print(f"{face}: after 'started' the child printed {lines}", "and exited with status" if status is not None else
          "and was still running 30 s later", "" if status is None else status)
    return status is not None


if __name__ == "__main__":
    drop = "drop" if "--drop" in sys.argv else "keep"
    sys.exit(1 if [face for face in ("client", "executor") if exits_early(face, drop)] else 0)
