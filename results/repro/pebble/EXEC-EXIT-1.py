"""EXEC-EXIT-1 with pebble alone: a program that ends while a call of a pool is running must not exit before that
call has finished — for both pools: ThreadPool and ProcessPool.

A child program schedules a call that says "started" and then waits for a line, both through named pipes (a
worker process reaches them as well as a thread does), and ends its main thread once the call has started. The
interpreter runs its atexit hooks (the child's own prints "exiting") only once threading's shutdown has waited for
what it must wait for. pebble's ThreadPool runs its calls in daemon threads, which the exit kills; its ProcessPool's
pool threads are daemon threads too, and its worker processes are terminated at exit. So the child exits while the
call still waits for its line. Exits 1 while that happens (for either pool); nothing here depends on timing but the
bound on how long to watch for an early exit. With --drop (EXEC-EXIT-2.py), the child drops its pool (no reference
left, collected) once the call has started, before its main thread ends."""
import os
import subprocess
import sys
import tempfile

CHILD = r'''
import atexit, gc, multiprocessing, sys
import pebble

def call(started, release):
    with open(started, "w") as pipe:
        pipe.write("started\n")
    with open(release) as pipe:
        pipe.readline()
    print("finished", flush=True)

if __name__ == "__main__":
    pool_name, started, release, drop = sys.argv[1:]
    if pool_name == "ProcessPool":
        pool = pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))
    else:
        pool = pebble.ThreadPool(max_workers=1)
    pool.schedule(call, args=(started, release))
    with open(started) as pipe:
        pipe.readline()  # the call runs: now the main thread ends, without close() or join()
    if drop == "drop":
        del pool
        gc.collect()
    atexit.register(lambda: print("exiting", flush=True))
'''


def exits_early(pool_name, folder, drop):
    started, release = os.path.join(folder, f"{pool_name}-started"), os.path.join(folder, f"{pool_name}-release")
    os.mkfifo(started)
    os.mkfifo(release)
    program = os.path.join(folder, "child.py")  # a file: spawned workers import the call from it
    with open(program, "w") as file:
        file.write(CHILD)
    child = subprocess.Popen([sys.executable, program, pool_name, started, release, drop], stdout=subprocess.PIPE,
                             text=True)
    try:
        status = child.wait(30)  # a conforming pool never exits before its call has its line: this bound ends it
    except subprocess.TimeoutExpired:
        status = None
        with open(release, "w") as pipe:
            pipe.write("go\n")
    lines = child.stdout.read().split()
    child.wait(30)
    print(f"{pool_name}: after its call started, the child printed {lines}",
          "and was still running 30 s later" if status is None else f"and exited with status {status}")
    return status is not None


if __name__ == "__main__":
    drop = "drop" if "--drop" in sys.argv else "keep"
    with tempfile.TemporaryDirectory() as folder:
        early = [pool_name for pool_name in ("ThreadPool", "ProcessPool") if exits_early(pool_name, folder, drop)]
    sys.exit(1 if early else 0)
