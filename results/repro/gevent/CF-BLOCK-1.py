"""CF-BLOCK-1 with gevent alone: result() of an unfinished future must block until it is done.

gevent.threadpool.ThreadPoolExecutor's futures belong to the hub of the thread that made them: result() called from
another thread, whose own hub has nothing to run, raises gevent's LoopExit at once instead of waiting. Exits 1 while
it does.

Upstream: https://github.com/gevent/gevent/issues/1739 (AsyncResult across threads is not supported)."""
import sys
import threading

import gevent.threadpool

executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
release = threading.Event()
future = executor.submit(release.wait)  # unfinished until released
outcome = []


def read():
    try:
        outcome.append(("returned", future.result()))
    except BaseException as error:  # what is raised is the observation
        outcome.append(("raised", type(error).__module__ + "." + type(error).__qualname__))


reader = threading.Thread(target=read)
reader.start()
reader.join(2.0)
print("result() in another thread, while the future is unfinished:", outcome or "blocked (as it should)")
release.set()
future.result()
reader.join()
executor.shutdown()
sys.exit(1 if outcome and outcome[0][0] == "raised" else 0)
