"""Injects: run_coroutine_threadsafe() accepts anything, and fails later, inside the loop."""
import concurrent.futures

from reference.bridge import Bridge

VIOLATES = {"BRIDGE-RCT-5"}


class Faulty(Bridge):
    def run_coroutine_threadsafe(self, coro, loop):
        future = concurrent.futures.Future()  # BUG: no check that coro is a coroutine
        loop.call_soon_threadsafe(self.start, coro, future, loop)
        return future


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
