"""WAIT-DONE-1 with loky alone: wait() must count a future cancelled by cancel() as done.

loky re-exports concurrent.futures.wait(), which counts a future as done only once
set_running_or_notify_cancel() has run (CPython gh-109934). Exits 1 while the bug is present."""
import sys

import loky

future = loky.Future()
print("cancel() returned", future.cancel(), "- done() is", future.done())
done, not_done = loky.wait([future], timeout=0)
print("loky.wait([future], timeout=0): the future is in", "done" if future in done else "not_done")
sys.exit(0 if future in done else 1)
