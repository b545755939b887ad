"""EXEC-EXIT-3 with dask alone, on a LocalCluster whose worker is a process (processes=True, host 127.0.0.1): once
the interpreter's exit has begun, submit() should raise RuntimeError (a SHOULD).

A child program submits a call that connects to this script and waits for "go", starts a daemon thread, and ends its
main thread without shutdown() once this script has heard from the call. The daemon thread, once the main thread is
about to end, tries Client.submit(int, pure=False) every 10 ms and tells this script each outcome. distributed's
atexit hooks take seconds to close the cluster (EXEC-EXIT-1), and the client accepts every submit() meanwhile, until
the process ends. Exits 1 when a submit() made after the main thread ended was accepted."""
import socket
import subprocess
import sys

CHILD = r'''
import socket, sys, threading
import distributed

ENDING = threading.Event()

def call(port):
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(b"started")
        connection.recv(16)  # waits for "go"

def late(client, port):
    ENDING.wait()
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        for _ in range(500):  # 5 s at most
            try:
                client.submit(int, pure=False)
            except RuntimeError:
                connection.sendall(b"refused\n")
                return
            connection.sendall(b"accepted\n")
            threading.Event().wait(0.01)

if __name__ == "__main__":
    port = int(sys.argv[1])
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=":0")
    client = distributed.Client(cluster)
    future = client.submit(call, port, pure=False)
    threading.Thread(target=late, args=(client, port), daemon=True).start()
    sys.stdin.readline()  # the call has started: now the main thread ends, without shutdown()
    ENDING.set()
'''

if __name__ == "__main__":
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(120)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(server.getsockname()[1])], stdin=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    call, _ = server.accept()
    assert call.recv(16) == b"started"
    child.stdin.write("\n")
    child.stdin.flush()
    report, _ = server.accept()
    with report.makefile() as lines:
        outcomes = [line.strip() for line in lines]  # until the thread is done or the process has ended
    try:
        call.sendall(b"go")
    except OSError:
        pass  # the exit already ended the call
    child.wait(60)
    accepted = outcomes.count("accepted")
    print(f"after the main thread ended: {accepted} submit() accepted, then "
          f"{'refused' if 'refused' in outcomes else 'no refusal before the end'}")
    sys.exit(1 if accepted else 0)
