"""Injects: all callbacks run from one scheduled handle, so a callback that raises stops the callbacks after it."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-5"}


class Future(ref.Future):
    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        if callbacks:
            self._loop.call_soon(self._run_all, callbacks)

    def _run_all(self, callbacks):
        for fn, context in callbacks:
            context.run(fn, self)  # BUG: an exception here ends the loop over the rest
