"""EXEC-BROKEN-1 with the interpreters-pep-734 backport alone: when the initializer fails, every queued call that was
not cancelled must finish promptly with BrokenExecutor.

The backport's InterpreterPoolExecutor is its copy of the standard library's thread pool, which fails the queued
futures one by one and stops at the first one cancelled while queued (its set_exception() raises InvalidStateError in
the worker thread), so the calls queued after it never finish. The initializer (a shell reading a named pipe, then
exiting 1) fails only once the script has queued four calls and cancelled the second. Exits 1 if a later call's
future is not done within 5 s."""
import os
import subprocess
import tempfile
from concurrent.futures import CancelledError, TimeoutError

from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

if __name__ == "__main__":
    fifo = os.path.join(tempfile.mkdtemp(), "gate")
    os.mkfifo(fifo)
    executor = InterpreterPoolExecutor(max_workers=1, initializer=subprocess.check_call,
                                       initargs=(["sh", "-c", f"read line < {fifo}; exit 1"],))
    futures = [executor.submit(abs, -i) for i in range(1, 5)]
    assert futures[1].cancel()
    with open(fifo, "w") as gate:
        gate.write("go\n")  # the initializer now fails
    stuck = []
    for number, future in enumerate(futures, 1):
        try:
            future.exception(timeout=5)
        except CancelledError:
            pass
        except TimeoutError:
            stuck.append(number)
    if stuck:
        print(f"EXEC-BROKEN-1 reproduced: the futures of calls {stuck} never finished after the initializer failed")
        os._exit(1)  # shutdown() would wait for them
    print("not reproduced: every queued call finished")
    executor.shutdown()
