"""EXEC-MAP-2 with gevent alone: map() must submit every call up front and return at once.

gevent.threadpool.ThreadPoolExecutor.map() is the standard library's, which submits every call before returning;
gevent's submit() waits for a free slot (see EXEC-SUBMIT-1.py), so with two workers busy, map() over a few more
calls returns only when calls finish: here when a timer releases them 2 s later. Exits 1 while map() took over 1 s."""
import sys
import threading
import time

import gevent.threadpool

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=2)
release = threading.Event()
threading.Timer(2.0, release.set).start()  # ends the calls, so the script ends whatever happens
executor.submit(release.wait)
executor.submit(release.wait)  # both workers are busy
start = time.monotonic()
results = executor.map(lambda number: release.wait() and number, [1, 2, 3])
took = time.monotonic() - start
print(f"map() over 3 calls returned after {took:.2f} s; results: {list(results)}")
executor.shutdown()
sys.exit(1 if took > 1.0 else 0)
