"""ASCOMP-CANCEL-1 with executorlib alone: as_completed() must yield a future cancelled by cancel().

executorlib's futures are concurrent.futures.Future, to be iterated with concurrent.futures.as_completed(), which
never yields a future that is cancelled but not notified (CPython gh-87893). Exits 1 while the bug is present."""
import concurrent.futures
import sys

import _gates
from executorlib import SingleNodeExecutor

if __name__ == "__main__":
    place = _gates.folder()
    executor = SingleNodeExecutor(max_workers=1, disable_dependencies=True)  # see _gates.cancelled()
    _, future = _gates.cancelled(executor, place)
    try:
        yielded = list(concurrent.futures.as_completed([future], timeout=1.0))
    except concurrent.futures.TimeoutError as error:
        yielded = []
        print("as_completed() raised TimeoutError:", error)
    print("as_completed() yielded the cancelled future:", future in yielded)
    _gates.release(place)
    executor.shutdown(wait=True)
    sys.exit(0 if future in yielded else 1)
