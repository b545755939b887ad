"""Shared by BRIDGE-WRAP-4.py and BRIDGE-CANCEL-1.py (trio-asyncio and the standard library only): whether a cf
future's outcome, handed over by asyncio.wrap_future() with call_soon_threadsafe(), reaches the asyncio side at the
next loop iteration."""
import asyncio
import concurrent.futures
import threading

import trio_asyncio  # noqa: F401  (makes asyncio.new_event_loop() return trio-asyncio's loop)

TRIES = 50


def run_once(loop):
    """One loop iteration: the callbacks scheduled so far, then stop."""
    loop.call_soon(loop.stop)
    loop.run_forever()


def late(loop, complete):
    """Whether the asyncio side is still PENDING one iteration after `complete(cf_future)` ran in another thread."""
    cf_future = concurrent.futures.Future()
    aio_future = asyncio.wrap_future(cf_future, loop=loop)
    run_once(loop)
    completer = threading.Thread(target=complete, args=(cf_future,))
    completer.start()
    completer.join()  # the cf future is done and call_soon_threadsafe() has returned before the iteration begins
    run_once(loop)
    pending = not aio_future.done()
    run_once(loop)
    assert aio_future.done()  # it does arrive, an iteration later
    return pending


def count_late(what, complete):
    """Print and return how many of TRIES outcomes arrived an iteration late."""
    loop = asyncio.new_event_loop()
    print("loop:", type(loop).__module__, type(loop).__qualname__)
    found = sum(late(loop, complete) for _ in range(TRIES))
    loop.close()
    print(f"{what} arrived one iteration late in {found} of {TRIES} tries")
    return found
