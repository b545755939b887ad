"""Injects: __await__ yields the future without setting _asyncio_future_blocking, so the awaiting task gets a
RuntimeError instead of the outcome."""
from reference import aio_future as ref

VIOLATES = {"AIO-AWAIT-1"}


class Future(ref.Future):
    def __await__(self):
        if not self.done():
            yield self  # BUG: the flag Task checks is not set
        return self.result()

    __iter__ = __await__
