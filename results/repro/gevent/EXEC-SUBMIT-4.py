"""EXEC-SUBMIT-4 with gevent alone: submit(fn, *args, **kwargs) must pass every keyword argument to the call,
including ones named `fn` or `self`.

gevent.threadpool.ThreadPoolExecutor.submit(self, fn, *args, **kwargs) takes `fn` by keyword too: a call keyword
named fn is a TypeError. Exits 1 while it is not passed to the call."""
import sys

import gevent.threadpool


def arguments(*args, **kwargs):
    return args, kwargs


executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
try:
    got = executor.submit(arguments, 1, fn=2).result()
except TypeError as error:
    got = error
print("submit(arguments, 1, fn=2) ->", repr(got))
executor.shutdown()
sys.exit(0 if got == ((1,), {"fn": 2}) else 1)
