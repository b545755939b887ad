"""Injects: an exception raised by a callback is swallowed and never reaches loop.call_exception_handler()."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-5"}


def _quietly(fn, future):
    try:
        fn(future)
    except Exception:
        pass  # BUG


class Future(ref.Future):
    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn, context in callbacks:
            self._loop.call_soon(_quietly, fn, self, context=context)
