"""EXEC-EXIT-2 with pebble alone: a program that drops a pool (no reference left, never closed) while its call is
running, then ends, must not exit before that call has finished — for both pools.

The program of EXEC-EXIT-1.py, the pool dropped and collected once its call has started: the exit kills the call
all the same (daemon threads; worker processes terminated at exit). Exits 1 while that happens (for either pool)."""
import os
import runpy
import sys

if __name__ == "__main__":
    sys.argv.append("--drop")
    runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "EXEC-EXIT-1.py"), run_name="__main__")
