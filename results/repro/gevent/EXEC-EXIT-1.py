"""EXEC-EXIT-1 with gevent alone: a program that ends while a call of gevent.threadpool.ThreadPoolExecutor is
running must not exit before that call has finished.

A child program submits a call that prints "started" and then waits for a line on its stdin, and ends its main
thread once the call has started. gevent's thread pool starts its workers with the low-level start_new_thread, not
as threading.Thread objects, so neither threading's shutdown nor concurrent.futures' exit hook waits for them, and the
interpreter exits while the call still waits for its line (the child's atexit hook prints "exiting"). Exits 1 while
that happens; nothing here depends on timing but the bound on how long to watch for an early exit. With --drop
(EXEC-EXIT-2.py), the child drops its executor (no reference left, collected) once the call has started."""
import subprocess
import sys

CHILD = r'''
import atexit, gc, sys, threading
import gevent.threadpool
started = threading.Event()

def call():
    print("started", flush=True)
    started.set()
    sys.stdin.readline()
    print("finished", flush=True)

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
executor.submit(call)
started.wait()  # the call runs: now the main thread ends, without shutdown()
if sys.argv[1:] == ["--drop"]:
    del executor
    gc.collect()
atexit.register(lambda: print("exiting", flush=True))
'''

if __name__ == "__main__":
    child = subprocess.Popen([sys.executable, "-c", CHILD, *sys.argv[1:2]], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    try:
        status = child.wait(30)  # a conforming executor never exits before its call has its line: this bound ends it
    except subprocess.TimeoutExpired:
        status = None
        child.stdin.write("\n")
        child.stdin.close()
    lines = child.stdout.read().split()
    child.wait(30)
    print("after 'started' the child printed", lines,
          "and was still running 30 s later" if status is None else f"and exited with status {status}")
    sys.exit(1 if status is not None else 0)
