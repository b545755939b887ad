"""CF-CANCEL-1 with gevent alone: cancel() of a future that has not finished must cancel it and return True.

gevent.threadpool.ThreadPoolExecutor hands out proxies over a gevent.event.AsyncResult, whose cancel() always
returns False: here the future of a call still queued behind a busy worker. Exits 1 while cancel() returns False."""
import sys
import threading

import gevent.threadpool

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
release = threading.Event()
executor.submit(release.wait)  # the one worker is busy
queued = executor.submit(print, "the queued call ran")
cancelled = queued.cancel()
print("cancel() of the queued call's future returned", cancelled, "; cancelled():", queued.cancelled())
release.set()
executor.shutdown()
sys.exit(0 if cancelled else 1)
