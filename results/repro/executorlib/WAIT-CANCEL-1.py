"""WAIT-CANCEL-1 with executorlib alone: cancel() must wake a wait() blocked on the future.

executorlib's futures are concurrent.futures.Future, to be waited for with concurrent.futures.wait(); cancel()
notifies only the future's own condition, not the waiters wait() installed (CPython gh-92001). Exits 1 while the bug
is present."""
import concurrent.futures
import sys
import threading

import _gates
from executorlib import SingleNodeExecutor

if __name__ == "__main__":
    place = _gates.folder()
    executor = SingleNodeExecutor(max_workers=1, disable_dependencies=True)  # see _gates.cancelled()
    executor.submit(_gates.held, place, "running")
    assert _gates.started(place, "running")
    future = executor.submit(_gates.held, place, "queued")
    returned = threading.Event()
    threading.Thread(target=lambda: (concurrent.futures.wait([future], return_when="FIRST_COMPLETED"),
                                     returned.set()), daemon=True).start()
    threading.Event().wait(0.2)  # let wait() block first; the bug shows whatever this delay
    print("cancel() of the queued call's future returned", future.cancel())
    woke = returned.wait(2.0)
    print("wait(FIRST_COMPLETED) returned within 2 s after cancel():", woke)
    _gates.release(place)
    executor.shutdown(wait=True)
    sys.exit(0 if woke else 1)
