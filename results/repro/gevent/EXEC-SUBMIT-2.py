"""EXEC-SUBMIT-2 with gevent alone: once a call has returned, its future must be done.

gevent.threadpool.ThreadPoolExecutor's worker hands the outcome to the hub of the thread that submitted, and the
future (a proxy over a gevent.event.AsyncResult) becomes done only when that hub runs: a thread that polls done()
without ever blocking in gevent never sees it done. Exits 1 while done() is still False 2 s after the call returned."""
import sys
import threading
import time

import gevent.threadpool

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
returned = threading.Event()
future = executor.submit(returned.set)
returned.wait()  # the call has returned, in the worker thread
deadline = time.monotonic() + 2.0
while not future.done() and time.monotonic() < deadline:
    time.sleep(0.01)  # a plain sleep: this thread's hub does not run
done = future.done()
print("done() 2 s after the call returned:", done)
print("result():", future.result(), "; done() once result() has run the hub:", future.done())
executor.shutdown()
sys.exit(0 if done else 1)
