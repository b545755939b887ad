"""EXEC-EXIT-3 with executorlib alone: once the interpreter's exit has begun and waits for a running call, submit()
should raise RuntimeError (a SHOULD).

A child program submits a call that waits for a line through a named pipe (the call runs in a process of its own),
starts a daemon thread, and ends its main thread without shutdown(). The interpreter's exit then waits for
executorlib's scheduling threads, which are not daemon threads (EXEC-EXIT-1.py); CPython marks the main thread
stopped only at that point, so the daemon thread, which waits for that, then tries submit() on the executor: it is
accepted. Exits 1 while submit() is accepted then; nothing here depends on timing but the bounds on how long to
wait for the child's report."""
import os
import select
import subprocess
import sys
import tempfile

CHILD = r'''
import sys, threading
from executorlib import SingleNodeExecutor

def call(path):
    with open(path) as fifo:
        return fifo.readline()

def nothing():
    return None

def late(executor):
    while threading.main_thread().is_alive():  # no event marks it: look every 10 ms
        threading.Event().wait(0.01)
    try:
        executor.submit(nothing)
    except RuntimeError:
        print("refused", flush=True)
    else:
        print("accepted", flush=True)

if __name__ == "__main__":
    executor = SingleNodeExecutor(max_workers=1)
    executor.submit(call, sys.argv[1])
    threading.Thread(target=late, args=(executor,), daemon=True).start()
    print("submitted", flush=True)
'''

if __name__ == "__main__":
    fifo = os.path.join(tempfile.mkdtemp(prefix="executorlib-repro-"), "line")
    os.mkfifo(fifo)
    child = subprocess.Popen([sys.executable, "-c", CHILD, fifo], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "submitted"
    with open(fifo, "w") as line:  # opening blocks until the call has opened its end: the call runs
        ready, _, _ = select.select([child.stdout], [], [], 30)
        report = child.stdout.readline().strip() if ready else "nothing within 30 s"
        line.write("go\n")
    child.kill()  # once its call has finished, the child never exits (EXEC-EXIT-1.py)
    child.wait()
    print("submit() once the exit waited for the running call:", report)
    sys.exit(1 if report == "accepted" else 0)
