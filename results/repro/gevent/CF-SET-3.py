"""CF-SET-3 with gevent alone: completing a done future again must raise (concurrent.futures raises
InvalidStateError).

gevent.threadpool.ThreadPoolExecutor's futures are completed through a gevent.event.AsyncResult, whose set() and
set_exception() on a done one return normally (a second set() even replaces the result). Exits 1 while a second
completion is accepted."""
import sys

import gevent.event

result = gevent.event.AsyncResult()
result.set("first")
try:
    result.set("second")
    result.set_exception(ValueError("third"))
    accepted = True
except Exception as error:  # what a conforming future raises
    print("the second completion raised", type(error).__name__)
    accepted = False
print("further completions accepted:", accepted, "; the result now:", result.value)
sys.exit(1 if accepted else 0)
