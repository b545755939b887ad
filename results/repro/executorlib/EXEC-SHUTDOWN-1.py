"""EXEC-SHUTDOWN-1 with executorlib alone: after shutdown(), submit() must raise RuntimeError and run nothing.

While a shutdown(wait=True) made in another thread waits for a running call, submit() is accepted: the executor marks
itself shut down only once shutdown() has returned. The call accepted then is never run, and that shutdown(wait=True)
never returns, even once the running call has finished (its scheduling thread, having read the shutdown request, waits
for the accepted call to be taken off its queue). Exits 1 while submit() is accepted 2 s after shutdown(wait=True)
began."""
import os
import sys
import threading
import time

import _gates
from executorlib import SingleNodeExecutor

if __name__ == "__main__":
    place = _gates.folder()
    executor = SingleNodeExecutor(max_workers=1)
    running = executor.submit(_gates.held, place, "running")
    assert _gates.started(place, "running")
    shutting = threading.Thread(target=executor.shutdown, kwargs={"wait": True}, daemon=True)
    shutting.start()
    deadline = time.monotonic() + 2.0  # the time the shutdown has to take effect
    while True:
        try:
            late = executor.submit(_gates.held, place, "late")
        except RuntimeError as error:
            print(f"submit() after shutdown(wait=True) began raised RuntimeError({error})")
            accepted = False
            break
        accepted = True
        if time.monotonic() > deadline:
            print("submit() was still accepted 2 s after shutdown(wait=True) began in another thread:", late)
            break
        time.sleep(_gates.POLL)
    _gates.release(place)
    shutting.join(10)
    print("running call's result:", running.result(_gates.LIMIT), "; 10 s after its release, shutdown(wait=True)",
          "was still blocked" if shutting.is_alive() else "had returned", "; the accepted call:", late)
    sys.stdout.flush()
    os._exit(1 if accepted else 0)
