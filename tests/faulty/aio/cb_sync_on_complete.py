"""Injects: set_result(), set_exception() and cancel() call the queued callbacks at once instead of scheduling them."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-1"}


class Future(ref.Future):
    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn, context in callbacks:
            context.run(fn, self)  # BUG: synchronous, inside the completing call
