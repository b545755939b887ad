"""Injects: the registration context is not kept: callbacks run in the context current when the future completes."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-3"}


class Future(ref.Future):
    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn, _context in callbacks:
            self._loop.call_soon(fn, self)  # BUG: no context=, so call_soon copies the completer's context
