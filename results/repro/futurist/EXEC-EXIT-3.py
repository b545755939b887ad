"""EXEC-EXIT-3 with futurist alone: once the interpreter's exit has begun and waits for a running call, submit()
should raise RuntimeError (a SHOULD).

A child program submits a call that connects to this script and waits for "go", starts a daemon thread, and ends its
main thread without shutdown(). The daemon thread, once the main thread is about to end, tries submit(int) every
10 ms. futurist's exit hook (futurist._thread._clean_up, an atexit hook) sets a module flag `_dying` and joins the
worker threads (daemons) after telling them to stop, but submit() never looks at that flag: every submit() made while
the exit waits is accepted and queued (and never runs: the workers stop after their current call). After
2 s of accepted submits the child's thread reports how many were accepted and this script says "go". Exits 1 when a
submit() made during the exit was accepted."""
import socket
import subprocess
import sys

CHILD = r'''
import socket, sys, threading
import futurist

ENDING = threading.Event()

def call(port):
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(b"started")
        connection.recv(16)  # waits for "go"

def late(executor, port):
    ENDING.wait()
    accepted, outcome = 0, "accepted"
    for _ in range(200):  # 2 s
        try:
            executor.submit(int)
        except RuntimeError:
            outcome = "refused"
            break
        accepted += 1
        threading.Event().wait(0.01)
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(f"{outcome} after {accepted} accepted".encode())

if __name__ == "__main__":
    port = int(sys.argv[1])
    executor = futurist.ThreadPoolExecutor(max_workers=1)
    threading.Thread(target=late, args=(executor, port), daemon=True).start()
    executor.submit(call, port)
    sys.stdin.readline()  # the call has started: now the main thread ends, without shutdown()
    ENDING.set()
'''

if __name__ == "__main__":
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(120)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(server.getsockname()[1])], stdin=subprocess.PIPE,
                             text=True)
    call, _ = server.accept()
    assert call.recv(16) == b"started"
    child.stdin.write("\n")
    child.stdin.flush()
    report, _ = server.accept()
    outcome = report.recv(1000).decode()
    call.sendall(b"go")
    child.wait(60)
    print(f"submit() while the exit waited for the running call: {outcome}")
    sys.exit(0 if outcome.startswith("refused") else 1)
