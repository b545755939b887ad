"""EXEC-EXIT-2 with dask alone, on a LocalCluster whose worker is a process (processes=True, host 127.0.0.1): a program
that drops its client (no reference left, never closed) while a call is running, then ends, must not exit before
that call has finished.

A child program submits a call that connects to this script and waits for "go"; once this script has heard from the
call, it drops the client and the call's future (the cluster stays referenced, as a program's own cluster would be),
collects them, and ends its main thread without shutdown(). distributed's atexit hooks close the cluster, whose
nanny ends the worker process and the call with it: the child exits (a few seconds later, the time the cluster takes
to close) while the call still waits, and the call's connection closes. Exits 1 when the child exits before it is
told "go" (within 30 s)."""
import socket
import subprocess
import sys

CHILD = r'''
import gc, socket, sys
import distributed

def call(port):
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(b"started")
        connection.recv(16)  # waits for "go"

if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=":0")
    client = distributed.Client(cluster)
    future = client.submit(call, int(sys.argv[1]), pure=False)
    sys.stdin.readline()  # the call has started: now the client is dropped and the main thread ends
    del client, future
    gc.collect()
'''

if __name__ == "__main__":
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(120)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(server.getsockname()[1])], stdin=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    connection, _ = server.accept()
    assert connection.recv(16) == b"started"
    child.stdin.write("\n")
    child.stdin.flush()
    try:
        status = child.wait(30)  # a conforming executor never exits before its call is told "go": this bound ends it
        print(f"the child exited with status {status} while its call was running")
    except subprocess.TimeoutExpired:
        status = None
        print("the child was still running 30 s later: it waits for its call")
        connection.sendall(b"go")
        child.wait(30)
    sys.exit(1 if status is not None else 0)
