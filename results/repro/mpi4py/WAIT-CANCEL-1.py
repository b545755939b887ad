"""WAIT-CANCEL-1 with mpi4py alone: cancel() must wake a wait() blocked on the future.

mpi4py.futures re-exports concurrent.futures.wait(); cancel() notifies only the future's own condition, not the waiters
wait() installed (CPython gh-92001). Exits 1 while the bug is present."""
import sys
import threading

from mpi4py import futures

future = futures.Future()
returned = threading.Event()
threading.Thread(target=lambda: (futures.wait([future], return_when=futures.FIRST_COMPLETED), returned.set()),
                 daemon=True).start()
threading.Event().wait(0.2)  # let wait() block first; the bug shows whatever this delay
print("cancel() returned", future.cancel())
woke = returned.wait(2.0)
print("wait(FIRST_COMPLETED) returned within 2 s after cancel():", woke)
sys.exit(0 if woke else 1)
