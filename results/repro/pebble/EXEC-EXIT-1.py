"""EXEC-EXIT-1 with pebble alone: a program that ends while a call of a ThreadPool is running must not exit before
that call has finished.

A child program schedules a call that prints "started" and then waits for a line on its stdin, and ends its main
thread. The interpreter runs its atexit hooks (which print "exiting") only once threading's shutdown has waited for
what it must wait for; so "exiting" while the call still waits for its line means the exit did not wait for it.
pebble's ThreadPool runs its calls in daemon threads, which the exit kills. Exits 1 while that happens; nothing
here depends on timing but the bound on how long to watch for an early exit."""
import subprocess
import sys
import threading

CHILD = r'''
import atexit, sys, threading
import pebble
started = threading.Event()

def call():
    print("started", flush=True)
    started.set()
    sys.stdin.readline()
    print("finished", flush=True)

pool = pebble.ThreadPool(max_workers=1)
pool.schedule(call)
started.wait()
atexit.register(lambda: print("exiting", flush=True))
'''

if __name__ == "__main__":
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    early = []
    watcher = threading.Thread(target=lambda: early.append(child.stdout.readline().strip()), daemon=True)
    watcher.start()
    watcher.join(30)  # a conforming pool never prints before its call has its line: this bound only ends the wait
    child.stdin.write("\n")
    child.stdin.close()
    rest = child.stdout.read().split()
    child.wait(30)
    lines = early + rest
    print("after 'started' the child printed:", lines)
    sys.exit(1 if lines[:1] == ["exiting"] else 0)
