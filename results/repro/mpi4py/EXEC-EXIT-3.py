"""EXEC-EXIT-3 with mpi4py alone: once the interpreter's exit has begun, submit() should be refused (RuntimeError).

A child interpreter keeps a call running on an MPIPoolExecutor (never shut down), and its main thread's last act
tells a daemon thread to try submit() every 10 ms for a second, while the exit waits for the running call.
concurrent.futures' own pools refuse from the start of the exit (their threading._register_atexit hook);
MPIPoolExecutor keeps accepting. No upstream issue found. Exits 1 while submit() is accepted."""
import subprocess
import sys

CHILD = r'''
import threading, time
from mpi4py.futures import MPIPoolExecutor

executor = MPIPoolExecutor(1)
executor.submit(time.sleep, 3)  # running while the interpreter exits
ended = threading.Event()


def late():
    ended.wait()
    accepted, deadline = 0, time.monotonic() + 1.0
    while time.monotonic() < deadline:
        try:
            executor.submit(int)
        except RuntimeError as error:
            print(f"refused after {accepted} accepted: {error}", flush=True)
            return
        accepted += 1
        time.sleep(0.01)
    print(f"accepted {accepted} submit() calls in the second after the main thread ended", flush=True)


threading.Thread(target=late, daemon=True).start()
ended.set()  # the main thread's last act: the exit begins
'''

done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
print(done.stdout.strip() or f"no output; exit status {done.returncode}: {done.stderr[-500:]}")
sys.exit(1 if done.stdout.startswith("accepted") else 0)
