"""Injects: the callbacks of a completing future are scheduled in reverse registration order."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-2", "CORE-CB-2"}


class Future(ref.Future):
    def _schedule_callbacks(self):
        self._callbacks.reverse()  # BUG
        super()._schedule_callbacks()
