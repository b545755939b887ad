"""`asyncio-bridge` and `uvloop-bridge`: the standard library's bridges between asyncio and concurrent.futures, on an
asyncio loop and on a uvloop loop (which implements run_in_executor itself)."""
import sys

from ..adapter import AdapterError, BridgeAdapter, Deviation

TIMEOUT_REPLACED = Deviation(
    "3.11 and 3.12 replace a TimeoutError crossing the bridge with a new TimeoutError(*args) (asyncio.futures."
    "_convert_future_exc still converts it, though both worlds share the class since 3.11); fixed in 3.13",
    "https://github.com/python/cpython/issues/117459")


def wrap_future_deviations():
    """CPython's deviations of asyncio.wrap_future(), which every loop using it inherits."""
    return {"BRIDGE-EXC-3": TIMEOUT_REPLACED} if (3, 11) <= sys.version_info < (3, 13) else {}


class AsyncioBridgeAdapter(BridgeAdapter):
    name = "asyncio-bridge"
    deviations = wrap_future_deviations()


class UvloopBridgeAdapter(BridgeAdapter):
    name = "uvloop-bridge"
    deviations = wrap_future_deviations()  # uvloop's run_in_executor wraps with asyncio.wrap_future

    def __init__(self):
        try:
            import uvloop
        except ImportError:
            raise AdapterError("the uvloop-bridge adapter needs uvloop: pip install uvloop, or run tox -e uvloop") \
                from None
        self.uvloop = uvloop

    def new_loop(self):
        return self.uvloop.new_event_loop()
