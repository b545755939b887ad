"""BRIDGE-CANCEL-1 with trio-asyncio alone: once the cf future wrapped by asyncio.wrap_future() is cancelled in another
thread, the asyncio future must be CANCELLED after the next loop iteration.

The same cause as BRIDGE-WRAP-4.py beside this file: the cancellation is handed over with call_soon_threadsafe(),
which trio-asyncio routes through Trio, so it may run after a loop.stop() scheduled later. Exits 1 while some of 50
tries are late."""
import sys

from _late import count_late

sys.exit(1 if count_late("a cancellation", lambda cf_future: cf_future.cancel()) else 0)
