"""WAIT-DONE-1 with mpi4py alone: wait() must count a future cancelled by cancel() as done.

mpi4py.futures re-exports concurrent.futures.wait(), which counts a future as done only once
set_running_or_notify_cancel() has run (CPython gh-109934). Exits 1 while the bug is present."""
import sys

from mpi4py import futures

future = futures.Future()
print("cancel() returned", future.cancel(), "- done() is", future.done())
done, not_done = futures.wait([future], timeout=0)
print("futures.wait([future], timeout=0): the future is in", "done" if future in done else "not_done")
sys.exit(0 if future in done else 1)
