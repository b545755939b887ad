"""`reference`, `reference-asyncio` and `reference-bridge`: the project's own reference Futures and bridges, which
must pass every clause."""
import reference.aio_future
import reference.bridge
import reference.future

from ..adapter import Adapter, AsyncioAdapter
from .bridge_module import ModuleBridgeAdapter


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


class ReferenceBridgeAdapter(ModuleBridgeAdapter):
    def __init__(self):
        super().__init__(reference.bridge, "reference-bridge")
