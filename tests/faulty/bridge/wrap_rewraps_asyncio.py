"""Injects: wrap_future() of an asyncio future wraps it again, in a new future that nothing completes."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-1"}


class Faulty(Bridge):
    def wrap_future(self, future, *, loop):
        if not hasattr(future, "get_loop"):
            return super().wrap_future(future, loop=loop)
        return loop.create_future()  # BUG: a new future, not the one given


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
