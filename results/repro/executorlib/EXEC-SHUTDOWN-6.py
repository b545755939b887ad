"""EXEC-SHUTDOWN-6 with executorlib alone: shutdown(wait=False) must return promptly while calls are still running or
queued.

With one call running and one queued (max_workers=1), shutdown(wait=False) blocks until the running call has
finished: it joins the executor's scheduling thread, which waits, busy, for a free slot for the queued call before it
reads the shutdown request. With a running call alone it returns at once. Exits 1 while shutdown(wait=False) is
still blocked after 10 s."""
import os
import sys
import threading

import _gates
from executorlib import SingleNodeExecutor

if __name__ == "__main__":
    place = _gates.folder()
    executor = SingleNodeExecutor(max_workers=1)
    running = executor.submit(_gates.held, place, "running")
    assert _gates.started(place, "running")
    queued = executor.submit(_gates.held, place, "queued")
    shutting = threading.Thread(target=executor.shutdown, kwargs={"wait": False}, daemon=True)
    shutting.start()
    shutting.join(10)
    blocked = shutting.is_alive()
    print("shutdown(wait=False), a call running and one queued:", "still blocked after 10 s" if blocked else "returned")
    _gates.release(place)
    shutting.join(_gates.LIMIT)
    print("once the calls were released, shutdown(wait=False)", "returned" if not shutting.is_alive() else
          "was still blocked", "; results:", running.result(_gates.LIMIT), queued.result(_gates.LIMIT))
    sys.stdout.flush()
    os._exit(1 if blocked else 0)
