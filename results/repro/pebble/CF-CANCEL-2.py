"""CF-CANCEL-2 with pebble alone: cancel() on a RUNNING future must return False and change nothing.

pebble.ProcessFuture.cancel() cancels a RUNNING future and returns True (by design: the pool then terminates the
worker running its call). Exits 1 while the behaviour is present."""
import sys

import pebble

future = pebble.ProcessFuture()
future.set_running_or_notify_cancel()
returned = future.cancel()
print("cancel() of a RUNNING ProcessFuture returned", returned, "- cancelled() is", future.cancelled())
sys.exit(1 if returned else 0)
