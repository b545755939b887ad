"""AIO-LOG-1 with rloop alone: an exception nobody retrieved must reach the loop's exception handler when its future
is collected.

The future (asyncio's) reports it with loop.call_exception_handler(); rloop (rloop/exc.py, _exception_handler) calls
the handler set by loop.set_exception_handler() with (context) alone where asyncio documents (loop, context), so a
handler of the documented signature raises TypeError and never sees the exception (the AIO-CB-5 bug, met here).
Exits 1 while the bug is present."""
import gc
import sys

import rloop

loop = rloop.new_event_loop()
handled = []
loop.set_exception_handler(lambda loop, context: handled.append(context.get("exception")))
error = ValueError("never retrieved")
future = loop.create_future()
future.set_exception(error)
del future
gc.collect()
loop.close()
print("the exception handler got:", handled)
sys.exit(0 if handled == [error] else 1)
