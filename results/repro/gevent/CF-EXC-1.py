"""CF-EXC-1 with gevent alone: exception() of a future whose call raised must return that exception.

gevent.threadpool.ThreadPoolExecutor's future proxy implements exception() as AsyncResult.get(), which raises it.
Exits 1 while exception() raises."""
import sys

import gevent.threadpool


def fails():
    raise ValueError("raised by the call")


executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
future = executor.submit(fails)
try:
    print("exception() returned", repr(future.exception(timeout=5)))
    raised = False
except ValueError as error:
    print("exception() raised", repr(error))
    raised = True
executor.shutdown()
sys.exit(1 if raised else 0)
