"""Owning an event loop: the machines of the asyncio world (asyncio, task, bridge) get the adapter's loop under the
watchdog and advance it one iteration at a time, on the watchdog's driver thread."""
from .adapter import AdapterError
from .watchdog import Hang


def open_loop(adapter, watchdog, on_error):
    """The adapter's new loop, with `on_error(loop, context)` as its exception handler, or one clear AdapterError."""
    try:
        loop = watchdog.call("the adapter's new_loop()", adapter.new_loop, kind="loop").value
        watchdog.call("set_exception_handler()", loop.set_exception_handler, on_error, kind="loop")
    except Hang:
        raise AdapterError("the adapter's new_loop() did not return") from None
    if loop is None:
        raise AdapterError("the adapter's new_loop() returned None")
    return loop


def run_once(loop):
    """One run of the loop's ready queue: what `call_soon` scheduled before now, and nothing later."""
    loop.call_soon(loop.stop)
    loop.run_forever()
