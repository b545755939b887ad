"""Injects: __await__ of a PENDING future yields None instead of the future itself, so a Task takes it for
`asyncio.sleep(0)` and never learns what to wait for."""
from reference import aio_future as ref

VIOLATES = {"AIO-AWAIT-2", "AIO-AWAIT-1"}


class Future(ref.Future):
    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield None  # BUG: the Task is not handed the future
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__
