"""Injects: awaiting a pending future parks the task on a private loop future that nothing ever completes."""
from reference import aio_future as ref

VIOLATES = {"AIO-AWAIT-1"}


class Future(ref.Future):
    def __await__(self):
        if not self.done():
            yield from self._loop.create_future().__await__()  # BUG: waits on the wrong future
        return self.result()

    __iter__ = __await__
