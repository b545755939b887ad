"""Faulty asyncio-profile Futures: each module's `Future` subclasses the asyncio reference (reference/aio_future.py)
with one bug, checked as `aio-class:tests.faulty.aio.NAME.Future`."""
PROFILE = "asyncio"
ADAPTER = "aio-class:{module}.Future"
SKIP_MACHINES = ()
MINIMUM = 12
