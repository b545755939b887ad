"""ASCOMP-CANCEL-1 with loky alone: as_completed() must yield a future cancelled by cancel().

loky re-exports concurrent.futures.as_completed(), which never yields a future that is cancelled but not notified
(CPython gh-87893). Exits 1 while the bug is present."""
import sys

import loky

future = loky.Future()
print("cancel() returned", future.cancel())
try:
    yielded = list(loky.as_completed([future], timeout=1.0))
except loky.TimeoutError as error:
    yielded = []
    print("as_completed() raised TimeoutError:", error)
print("as_completed() yielded the cancelled future:", future in yielded)
sys.exit(0 if future in yielded else 1)
