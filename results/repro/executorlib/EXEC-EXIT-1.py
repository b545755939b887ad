"""EXEC-EXIT-1 with executorlib alone: a program that ends while a call runs on an executor it never shut down must
wait for that call, then exit promptly (idle workers do not hold it).

A child program submits a call that prints "started" and waits for a line on its stdin, then ends its main thread
without shutdown(). executorlib's scheduling threads are not daemon threads, have no exit hook, and loop until
shutdown() tells them to stop: the child waits for its call (as it must), but once the call has finished it never
exits. Exits 1 while the child is still running 30 s after its call finished; nothing here depends on timing but
that bound."""
import subprocess
import sys

CHILD = r'''
import sys
from executorlib import SingleNodeExecutor

def call(path):
    with open(path) as fifo:  # the parent's line arrives through a named pipe: the call runs in a process of its own
        return fifo.readline()

if __name__ == "__main__":
    executor = SingleNodeExecutor(max_workers=1)
    executor.submit(call, sys.argv[1])
    print("submitted", flush=True)
'''

if __name__ == "__main__":
    import os
    import tempfile

    fifo = os.path.join(tempfile.mkdtemp(prefix="executorlib-repro-"), "line")
    os.mkfifo(fifo)
    child = subprocess.Popen([sys.executable, "-c", CHILD, fifo], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "submitted"
    with open(fifo, "w") as line:  # opening blocks until the call has opened its end: the call runs
        try:
            early = child.wait(5)  # a conforming child still waits for its call here
        except subprocess.TimeoutExpired:
            early = None
        line.write("go\n")
    try:
        status = child.wait(30)
    except subprocess.TimeoutExpired:
        status = None
        child.kill()
        child.wait()
    print("before the call finished the child", "exited" if early is not None else "kept running",
          "; after it finished the child", f"exited with status {status}" if status is not None else
          "was still running 30 s later (killed)")
    sys.exit(0 if early is None and status == 0 else 1)
