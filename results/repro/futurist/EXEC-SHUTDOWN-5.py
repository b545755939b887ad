"""EXEC-SHUTDOWN-5 with futurist alone: calling shutdown() again must return at once and change nothing.

While shutdown(wait=True) waits for a running call it holds the pool's lock, so a second shutdown(wait=False)
blocks until every call has finished. Exits 1 while the bug is present."""
import sys
import threading

import futurist

release = threading.Event()
executor = futurist.ThreadPoolExecutor(max_workers=1)
executor.submit(release.wait)
threading.Thread(target=executor.shutdown, kwargs={"wait": True}, daemon=True).start()
while executor.alive:  # shutdown() has begun once the executor says it is no longer alive
    release.wait(0.01)
again = threading.Thread(target=executor.shutdown, kwargs={"wait": False}, daemon=True)
again.start()
again.join(2.0)
blocked = again.is_alive()
print("shutdown(wait=False) again:", "still blocked after 2 s" if blocked else "returned")
release.set()
sys.exit(1 if blocked else 0)
