"""EXEC-SUBMIT-1 with gevent alone: submit() must return at once, whatever the workers are doing.

gevent.threadpool.ThreadPoolExecutor.submit() calls ThreadPool.spawn(), which "waits until a slot is available"
(its docstring). With two workers busy, the third submit() returns, the fourth waits until a call finishes: here
until a timer releases the calls 2 s later. Exits 1 while a submit() took over 1 s.

Upstream: https://github.com/gevent/gevent/issues/529 (closed, wontfix)."""
import sys
import threading
import time

import gevent.threadpool

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=2)
release = threading.Event()
threading.Timer(2.0, release.set).start()  # ends the calls, so the script ends whatever happens
slowest = 0.0
for number in range(1, 5):
    start = time.monotonic()
    executor.submit(release.wait)
    took = time.monotonic() - start
    print(f"submit() #{number} returned after {took:.2f} s")
    slowest = max(slowest, took)
executor.shutdown()
sys.exit(1 if slowest > 1.0 else 0)
