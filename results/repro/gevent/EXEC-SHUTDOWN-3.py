"""EXEC-SHUTDOWN-3 with gevent alone: shutdown(cancel_futures=True) must return promptly, cancelling queued calls.

gevent.threadpool.ThreadPoolExecutor.submit() waits for a free slot (EXEC-SUBMIT-1.py) while holding the
executor's _shutdown_lock, a native lock. A greenlet blocked in submit() therefore makes shutdown(), called from
another greenlet of the same thread, block on that lock, and the hub can no longer run: the thread deadlocks. The
scene runs in a helper thread (with a hub of its own); exits 1 while its shutdown() has not returned within 2 s."""
import os
import sys
import threading

import gevent
import gevent.threadpool

returned = threading.Event()


def scene():
    executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
    release = threading.Event()
    for _ in range(2):
        executor.submit(release.wait)  # one call runs, one waits
    blocked = gevent.spawn(executor.submit, print, "third call")  # waits for a slot, holding _shutdown_lock
    gevent.sleep(0)  # let that greenlet run: it blocks in submit()
    threading.Timer(2.0, release.set).start()
    executor.shutdown(wait=False, cancel_futures=True)
    returned.set()
    blocked.join()


threading.Thread(target=scene, daemon=True).start()
ok = returned.wait(2.0)
print("shutdown(wait=False, cancel_futures=True) returned within 2 s:", ok)
sys.stdout.flush()
os._exit(0 if ok else 1)  # the deadlocked thread cannot be joined
