"""Injects: the cf future's outcome is set on the asyncio future directly, in the thread that completed the cf
future, instead of being handed to the loop with call_soon_threadsafe."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-4", "BRIDGE-EXEC-2"}


class Faulty(Bridge):
    def on_cf_done(self, source, destination, loop):
        if not loop.is_closed():
            self.copy_to_asyncio(source, destination)  # BUG: not thread-safe, and not at the next iteration


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
