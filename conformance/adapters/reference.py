"""`reference` and `reference-asyncio`: the project's own reference Futures, which must pass every clause."""
import reference.aio_future
import reference.future

from ..adapter import Adapter, AsyncioAdapter


class ReferenceAdapter(Adapter):
    name = "reference"
    CancelledError = reference.future.CancelledError
    TimeoutError = reference.future.TimeoutError
    InvalidStateError = reference.future.InvalidStateError

    def new_future(self):
        return reference.future.Future()


class ReferenceAsyncioAdapter(AsyncioAdapter):
    name = "reference-asyncio"

    def new_future(self, loop):
        return reference.aio_future.Future(loop=loop)
