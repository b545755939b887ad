"""Injects: add_done_callback() on a future that is already done calls the callback at once, not via the loop."""
import contextvars

from reference import aio_future as ref

VIOLATES = {"AIO-CB-1", "AIO-CB-2"}  # and a raising callback escapes add_done_callback()


class Future(ref.Future):
    def add_done_callback(self, fn, *, context=None):
        if self.done():
            (context or contextvars.copy_context()).run(fn, self)  # BUG: synchronous
            return
        super().add_done_callback(fn, context=context)
