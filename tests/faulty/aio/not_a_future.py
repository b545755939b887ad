"""Injects: the class's `_asyncio_future_blocking` is None (set on instances only when awaited), so
`asyncio.isfuture()` says a new future is not one and asyncio's functions take it for some other awaitable."""
from reference import aio_future as ref

VIOLATES = {"AIO-CLASS-1"}


class Future(ref.Future):
    _asyncio_future_blocking = None  # BUG: isfuture() looks at this

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__
