"""BRIDGE-EXC-3 with rloop alone: a TimeoutError crossing asyncio.wrap_future() must arrive unchanged (the same object).

On Python 3.11 and 3.12 asyncio.futures._convert_future_exc() replaces it with a new TimeoutError(*args) (CPython
gh-117459, fixed in 3.13); rloop's loop uses asyncio's wrap_future(), so it inherits this. Exits 1 while the asyncio
side holds another exception object."""
import asyncio
import concurrent.futures
import sys

import rloop

loop = rloop.new_event_loop()
cf_future = concurrent.futures.Future()
aio_future = asyncio.wrap_future(cf_future, loop=loop)
sent = TimeoutError("crossing the bridge")
cf_future.set_exception(sent)
loop.call_soon(loop.stop)
loop.run_forever()  # one iteration: the outcome crosses
got = aio_future.exception()
loop.close()
print(f"Python {sys.version.split()[0]}: the asyncio side got the same exception object: {got is sent}")
sys.exit(0 if got is sent else 1)
