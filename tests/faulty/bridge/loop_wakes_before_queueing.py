"""Injects: a faulty event loop (the bridges are the reference's): its call_soon_threadsafe() writes to the self-pipe
first and queues the callback after. A loop asleep in select() wakes, finds nothing ready, and falls asleep again
before the callback is queued: the outcome a producer handed over sits in the ready queue for ever (BRIDGE-WRAP-4),
as a coroutine handed over by run_coroutine_threadsafe() never starts (BRIDGE-RCT-1).

Window: between `self._write_to_self()` and the queueing on the next line, in the thread calling
call_soon_threadsafe(), while the loop's thread runs one iteration. Race-only: the BridgeMachine never runs the loop
while another thread hands something over (the byte and the callback are both there when it next runs an
iteration); the BridgeRaceMachine races this module's loop (its new_event_loop(), traced like the bridge)."""
import asyncio

from reference.bridge import run_coroutine_threadsafe, run_in_executor, wrap_future

VIOLATES = {"BRIDGE-WRAP-4", "BRIDGE-RCT-1", "BRIDGE-RCT-3", "BRIDGE-EXEC-2"}
__all__ = ["new_event_loop", "run_coroutine_threadsafe", "run_in_executor", "wrap_future"]


class Loop(asyncio.SelectorEventLoop):
    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        self._write_to_self()  # BUG: wakes the loop before the callback is queued
        return self._call_soon(callback, args, context)


def new_event_loop():
    return Loop()
