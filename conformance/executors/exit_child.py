"""The program EXEC-EXIT-1/2/3 run in a child process (`python -m conformance.executors.exit_child SPEC PORT MODE
LIMIT`): it loads the adapter SPEC, submits one call that holds until the suite listening on PORT says "go", waits
until the suite has heard from the call, drops the executor when MODE is "dropped", tells the suite it is exiting, and
ends its main thread without shutdown().

MODE "late" (EXEC-EXIT-3) also makes a second executor that is given no call, and starts a daemon thread that waits
until the main thread is about to end (joining the main thread would wait for the exit hooks too: CPython marks it
stopped only after its threading._register_atexit() hooks have run), then tries submit() on the first executor
until one raises (the exit is waiting for
the held call meanwhile), then once on the second, and tells the suite what happened. Nothing tells a thread when the
implementation's exit hook has run, so it tries again every POLL seconds, for LIMIT seconds at most: submits accepted
before the hook ran are allowed, and run at exit like any other call.
"""
import gc
import socket
import sys
import threading
import time

from conformance import loading
from conformance.executors import workers


KEPT = []  # the executors, when kept: referenced until the interpreter's end
POLL = 0.01
ENDING = threading.Event()  # set by the main thread as its last act


def main(spec, port, mode, limit):
    adapter = loading.load(spec)
    executor = adapter.new_executor(1)
    KEPT.append(executor)
    if mode == "late":
        fresh = adapter.new_executor(1)
        KEPT.append(fresh)
        threading.Thread(target=refusals, args=(executor, fresh, port, limit), daemon=True).start()
    executor.submit(workers.hold_until_told, port)
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(b"submitted")
        connection.recv(16)  # the suite answers once the call has started
        if mode == "dropped":
            del executor
            KEPT.clear()
            gc.collect()
        connection.sendall(b"exiting")
    ENDING.set()


def refusals(kept, fresh, port, limit):
    """Tell the suite "refused" once submit() raised RuntimeError on both executors after the main thread's end, or
    else what submit() did. Connected before it tries: a process that ends meanwhile closes the connection
    unanswered, which the suite sees at once."""
    ENDING.wait()
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(_tries(kept, fresh, limit).encode()[:1000])


def _tries(kept, fresh, limit):
    deadline, accepted = time.monotonic() + limit, 0
    while True:
        outcome = _submit(kept)
        if outcome != "accepted" or time.monotonic() > deadline:
            break
        accepted += 1
        threading.Event().wait(POLL)
    if outcome == "refused":
        outcome = _submit(fresh)
        return "refused" if outcome == "refused" else \
            f"submit() to an executor given no call before the exit: {outcome}"
    return (f"submit() to the executor whose call the exit waits for: {outcome}, after {accepted} accepted since the "
            "main thread ended")


def _submit(executor):
    try:
        executor.submit(workers.arguments)  # a function of ours: a builtin like int has no signature to inspect
    except RuntimeError:
        return "refused"
    except BaseException as error:  # an observation
        return f"raised {type(error).__name__}: {error}"
    return "accepted"


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
