"""EXEC-CANCEL-1 with gevent alone: cancel() of a queued call's future must cancel the call and return True.

gevent.threadpool.ThreadPoolExecutor hands out proxies over a gevent.event.AsyncResult, whose cancel() always
returns False, so a call queued behind a busy worker cannot be cancelled and runs. Exits 1 while that is so."""
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
