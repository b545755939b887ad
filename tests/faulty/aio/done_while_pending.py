"""Injects: done() is True for a PENDING future once a callback has been registered on it."""
from reference import aio_future as ref

VIOLATES = {"CORE-QUERY-1", "AIO-AWAIT-1"}  # await does not suspend


class Future(ref.Future):
    def done(self):
        return bool(self._callbacks) or super().done()  # BUG
