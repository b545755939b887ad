"""Injects: wrap_future() accepts any object, returning a future that never completes."""
from reference.bridge import Bridge

VIOLATES = {"BRIDGE-WRAP-2"}


class Faulty(Bridge):
    def wrap_future(self, future, *, loop):
        if not hasattr(future, "add_done_callback"):
            return loop.create_future()  # BUG: no error for something that is not a future
        return super().wrap_future(future, loop=loop)


wrap_future, run_coroutine_threadsafe, run_in_executor = Faulty().functions()
