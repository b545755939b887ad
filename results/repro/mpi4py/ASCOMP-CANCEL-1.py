"""ASCOMP-CANCEL-1 with mpi4py alone: as_completed() must yield a future cancelled by cancel().

mpi4py.futures re-exports concurrent.futures.as_completed(), which never yields a future that is cancelled but not
notified (CPython gh-87893). Exits 1 while the bug is present."""
import sys

from mpi4py import futures

future = futures.Future()
print("cancel() returned", future.cancel())
try:
    yielded = list(futures.as_completed([future], timeout=1.0))
except futures.TimeoutError as error:
    yielded = []
    print("as_completed() raised TimeoutError:", error)
print("as_completed() yielded the cancelled future:", future in yielded)
sys.exit(0 if future in yielded else 1)
