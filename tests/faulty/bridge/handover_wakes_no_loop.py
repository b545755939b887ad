"""Injects: the cf future's outcome is handed to the loop with loop.call_soon(), not call_soon_threadsafe(), from the
thread that completed the cf future. The callback is queued, but a loop asleep in select() is not woken: the
asyncio side stays PENDING until something else wakes the loop — for ever, if nothing does (BRIDGE-WRAP-4).

Window: the loop asleep in select() when the cf future completes. The BridgeMachine never lets the loop sleep (it
runs one iteration at a time, a stop() queued behind what is ready), so only the BridgeRaceMachine, whose loop runs
as its users run it, sees the lost wake-up: every thread blocked, the loop in select() with a callback queued."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-4"}


class Faulty(Bridge):
    def on_cf_done(self, source, destination, loop):
        if not loop.is_closed():
            loop.call_soon(self.copy_to_asyncio, source, destination)  # BUG: does not wake a sleeping loop


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
