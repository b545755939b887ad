"""The program EXEC-EXIT-1/2 run in a child process (`python -m conformance.executors.exit_child SPEC PORT MODE`):
it loads the adapter SPEC, submits one call that holds until the suite listening on PORT says "go", waits until the
suite has heard from the call, drops the executor when MODE is "dropped", tells the suite it is exiting, and ends its
main thread without shutdown()."""
import gc
import socket
import sys

from conformance import loading
from conformance.executors import workers


KEPT = []  # the executor, when it is kept: referenced until the interpreter's end


def main(spec, port, mode):
    executor = loading.load(spec).new_executor(1)
    KEPT.append(executor)
    executor.submit(workers.hold_until_told, port)
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(b"submitted")
        connection.recv(16)  # the suite answers once the call has started
        if mode == "dropped":
            del executor
            KEPT.clear()
            gc.collect()
        connection.sendall(b"exiting")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
