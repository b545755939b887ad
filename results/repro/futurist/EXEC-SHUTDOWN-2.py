"""EXEC-SHUTDOWN-2 with futurist alone: after shutdown(wait=False), every call already submitted must still run.

shutdown(wait=False) tells every worker to stop after its current call, so a queued call never runs and its
future never finishes. Exits 1 while the bug is present."""
import sys
import threading

import futurist

release = threading.Event()
executor = futurist.ThreadPoolExecutor(max_workers=1)
running = executor.submit(release.wait)
queued = executor.submit(int, 7)
executor.shutdown(wait=False)
release.set()
try:
    print("the queued call returned", queued.result(timeout=2.0))
    lost = False
except futurist.TimeoutError:
    print("the queued call did not run within 2 s of shutdown(wait=False); its future is still",
          "running" if queued.running() else "pending")
    lost = True
sys.exit(1 if lost else 0)
