"""Injects: no exception is converted: concurrent.futures' CancelledError and InvalidStateError (and, up to 3.10,
TimeoutError) reach the asyncio side as they are."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-EXC-1", "BRIDGE-EXC-2"}


class Faulty(Bridge):
    def convert(self, error):
        return error  # BUG: the asyncio side gets classes of the other world


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
