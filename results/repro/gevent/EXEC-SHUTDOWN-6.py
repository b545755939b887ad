"""EXEC-SHUTDOWN-6 with gevent alone: shutdown(wait=False) must return promptly, however many calls still run.

gevent.threadpool.ThreadPoolExecutor.shutdown() ignores `wait` (its source says "XXX: We don't implement wait
properly"): after the standard library's shutdown it calls ThreadPool.kill(), which sets the pool's size to 0 and
waits, in the hub, until the worker threads have ended, that is until the running call returns. The call here waits
for an event that only this script sets; exits 1 while shutdown(wait=False) has not returned within 2 s (it returns
once the event is set)."""
import os
import sys
import threading

import gevent.threadpool

returned = threading.Event()
release = threading.Event()


def scene():
    executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
    executor.submit(release.wait)
    executor.shutdown(wait=False)
    returned.set()


threading.Thread(target=scene, daemon=True).start()  # a thread of its own, with a hub of its own
ok = returned.wait(2.0)
print("shutdown(wait=False) returned within 2 s while a call ran:", ok)
release.set()
print("returned once the call was released:", returned.wait(10.0))
sys.stdout.flush()
os._exit(0 if ok else 1)
