"""CF-CB-2 with gevent alone: a future's callbacks must run in the thread that completes it, before completing
returns.

gevent.threadpool.ThreadPoolExecutor's worker thread completes the call, but the future's callbacks (linked to its
gevent.event.AsyncResult) run later, in the hub of the thread that submitted, and only when that hub runs. Exits 1
while the callback ran in another thread than the call."""
import sys
import threading

import gevent.threadpool

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
threads = {}
future = executor.submit(lambda: threads.setdefault("call", threading.get_ident()))
future.add_done_callback(lambda f: threads.setdefault("callback", threading.get_ident()))
future.result()  # runs this thread's hub, which runs the callback
executor.shutdown()
print("the call ran in the worker thread:", threads["call"] != threading.get_ident())
print("the callback ran in the thread that completed the future:", threads.get("callback") == threads["call"])
sys.exit(0 if threads.get("callback") == threads["call"] else 1)
