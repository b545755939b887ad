"""BRIDGE-WRAP-4 with trio-asyncio alone: once the cf future wrapped by asyncio.wrap_future() has completed in another
thread, the asyncio future must be done after the next loop iteration.

wrap_future() hands the outcome over with loop.call_soon_threadsafe(). trio-asyncio's loop (here its
SyncTrioEventLoop, what asyncio.new_event_loop() returns once trio_asyncio is imported) passes such a callback
through Trio's TrioToken.run_sync_soon(), so it enters the loop's queue only once Trio runs again, and whether that
is before or after a loop.stop() scheduled later with call_soon() depends on the order Trio's scheduler (which
shuffles on purpose) runs its tasks: callbacks no longer run in the order they were scheduled, and in about half
of the tries the outcome arrives one iteration late. Exits 1 while some of 50 tries are late."""
import sys

from _late import count_late

sys.exit(1 if count_late("a result", lambda cf_future: cf_future.set_result("done")) else 0)
