"""`uvloop`: asyncio futures on a uvloop event loop (the real uvloop, installed by `tox -e uvloop`)."""
from ..adapter import AdapterError, AsyncioAdapter


class UvloopAdapter(AsyncioAdapter):
    name = "uvloop"

    def __init__(self):
        try:
            import uvloop
        except ImportError:
            raise AdapterError("the uvloop adapter needs uvloop: pip install uvloop, or run tox -e uvloop") from None
        self.uvloop = uvloop

    def new_loop(self):
        return self.uvloop.new_event_loop()

    def new_future(self, loop):
        return loop.create_future()
