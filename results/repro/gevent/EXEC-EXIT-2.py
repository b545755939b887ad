"""EXEC-EXIT-2 with gevent alone: a program that drops a gevent.threadpool.ThreadPoolExecutor (no reference left,
never shut down) while its call is running, then ends, must not exit before that call has finished.

The program of EXEC-EXIT-1.py, the executor dropped and collected once its call has started: nothing waits for the
pool's workers at exit all the same. Exits 1 while the child exits before its call has finished."""
import os
import runpy
import sys

if __name__ == "__main__":
    sys.argv[1:] = ["--drop"]
    runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "EXEC-EXIT-1.py"), run_name="__main__")
