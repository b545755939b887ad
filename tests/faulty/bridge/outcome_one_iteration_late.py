"""Injects: the outcome is handed to the loop, which then schedules the copy once more: it arrives one loop
iteration late."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-4", "BRIDGE-EXEC-2"}


class Faulty(Bridge):
    def on_cf_done(self, source, destination, loop):
        if not loop.is_closed():
            loop.call_soon_threadsafe(loop.call_soon, self.copy_to_asyncio, source, destination)  # BUG: two hops


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
