"""Injects: cancelling the asyncio future leaves the cf future alone, so a queued executor call still runs."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-CANCEL-2", "BRIDGE-EXEC-3"}


class Faulty(Bridge):
    def on_asyncio_done(self, destination, source):
        pass  # BUG: the cancellation never reaches the cf side


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
