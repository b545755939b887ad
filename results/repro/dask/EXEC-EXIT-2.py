"""EXEC-EXIT-2 with dask alone, on a threaded LocalCluster: a program that drops its client (no reference left, never
closed) while a call is running, then ends, must not exit before that call has finished — for both faces.

The program of EXEC-EXIT-1.py, the client, the executor and the call's future dropped and collected once the call
has started: distributed's atexit hooks close the cluster all the same, cancelling the task, and the process exits
while the call still waits. Exits 1 while that happens (for either face)."""
import os
import runpy
import sys

if __name__ == "__main__":
    sys.argv.append("--drop")
    runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "EXEC-EXIT-1.py"), run_name="__main__")
