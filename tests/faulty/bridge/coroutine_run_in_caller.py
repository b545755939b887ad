"""Injects: run_coroutine_threadsafe() runs the coroutine to its end in the calling thread, on a loop of its own."""
import asyncio
import concurrent.futures

from reference.bridge import Bridge

VIOLATES = {"BRIDGE-RCT-1"}


class Faulty(Bridge):
    def run_coroutine_threadsafe(self, coro, loop):
        if not asyncio.iscoroutine(coro):
            raise TypeError("a coroutine object is required")
        future = concurrent.futures.Future()
        future.set_running_or_notify_cancel()
        own = asyncio.new_event_loop()
        try:
            future.set_result(own.run_until_complete(coro))  # BUG: not in `loop`, and not from its thread
        except BaseException as error:  # the coroutine's outcome, whatever it is
            future.set_exception(error)
        finally:
            own.close()
        return future


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
