"""AIO-CB-5 with rloop alone: an exception raised by a done-callback must reach the loop's exception handler.

asyncio documents the handler set by loop.set_exception_handler() as called with (loop, context); rloop
(rloop/exc.py, _exception_handler) calls it with (context) alone, so a handler of the documented signature raises
TypeError and never sees the callback's exception (rloop logs "Unhandled error in exception handler" instead).
Exits 1 while the bug is present."""
import sys

import rloop

loop = rloop.new_event_loop()
handled = []
loop.set_exception_handler(lambda loop, context: handled.append(context.get("exception")))


def raising(future):
    raise ValueError("from a done-callback")


future = loop.create_future()
future.add_done_callback(raising)
future.set_result(None)
loop.call_soon(loop.stop)
loop.run_forever()  # one iteration: the callback runs and raises
loop.close()
print("the exception handler got:", handled)
sys.exit(0 if len(handled) == 1 and isinstance(handled[0], ValueError) else 1)
