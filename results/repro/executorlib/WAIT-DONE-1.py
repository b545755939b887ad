"""WAIT-DONE-1 with executorlib alone: wait() must count a future cancelled by cancel() as done.

executorlib's futures are concurrent.futures.Future, to be waited for with concurrent.futures.wait(), which counts a
future as done only once set_running_or_notify_cancel() has run (CPython gh-109934). Exits 1 while the bug is
present."""
import concurrent.futures
import sys

import _gates
from executorlib import SingleNodeExecutor

if __name__ == "__main__":
    place = _gates.folder()
    executor = SingleNodeExecutor(max_workers=1, disable_dependencies=True)  # see _gates.cancelled()
    _, future = _gates.cancelled(executor, place)
    done, not_done = concurrent.futures.wait([future], timeout=0)
    print("wait([future], timeout=0): the future is in", "done" if future in done else "not_done")
    _gates.release(place)
    executor.shutdown(wait=True)
    sys.exit(0 if future in done else 1)
