"""Injects: wrap_future() of a cf future that is already done returns a future that is done at once."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-3"}


class Faulty(Bridge):
    def wrap_future(self, future, *, loop):
        if future.done() and not future.cancelled():  # BUG: a shortcut that skips the loop
            destination = loop.create_future()
            self.copy_to_asyncio(future, destination)
            return destination
        return super().wrap_future(future, loop=loop)


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
