"""CF-CB-4 with gevent alone: an exception raised by a callback must not propagate out of add_done_callback().

gevent.threadpool.ThreadPoolExecutor's future proxy calls a callback added to a done future directly, without
catching what it raises. Exits 1 while the callback's exception escapes add_done_callback()."""
import sys

import gevent.threadpool


def raising(future):
    raise ValueError("raised by the callback")


executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
future = executor.submit(int, "3")
future.result()  # done
try:
    future.add_done_callback(raising)
    escaped = False
except ValueError:
    escaped = True
executor.shutdown()
print("the callback's exception escaped add_done_callback():", escaped)
sys.exit(1 if escaped else 0)
