"""EXEC-SHUTDOWN-5 with executorlib alone: calling shutdown() again must return without error and change nothing.

A shutdown(wait=False) made while another thread's shutdown(wait=True) waits for a running call never returns, and
neither does the first, even once the call has finished: each puts a shutdown request on the scheduling thread's
queue, and that thread, having handled the first, waits for the queue to be drained, which only it could do.
Exits 1 while either shutdown() is still blocked 10 s after the call was released."""
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
    first = threading.Thread(target=executor.shutdown, kwargs={"wait": True}, daemon=True)
    first.start()
    first.join(1.0)  # it waits for the running call: the second shutdown() comes while it does
    again = threading.Thread(target=executor.shutdown, kwargs={"wait": False}, daemon=True)
    again.start()
    _gates.release(place)
    print("the call's result:", running.result(_gates.LIMIT))
    first.join(10)
    again.join(10)
    blocked = [name for name, thread in (("shutdown(wait=True)", first), ("shutdown(wait=False) again", again))
               if thread.is_alive()]
    print("10 s after the call was released, still blocked:", blocked or "nothing")
    sys.stdout.flush()
    os._exit(1 if blocked else 0)
