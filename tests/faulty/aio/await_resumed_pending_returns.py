"""Injects: __await__ resumed while the future is still PENDING (nobody waited for it, as a Task would) returns None
as if it were the result, instead of raising RuntimeError."""
from reference import aio_future as ref

VIOLATES = {"AIO-AWAIT-3"}


class Future(ref.Future):
    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            return None  # BUG: a result the future does not have
        return self.result()

    __iter__ = __await__
