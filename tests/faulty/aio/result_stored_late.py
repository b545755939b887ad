"""Injects: set_result() marks the future done and schedules its callbacks, but stores the result only in a later
loop callback, so callbacks (and readers before the loop runs) see None."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-6", "AIO-RESULT-1"}


class Future(ref.Future):
    def set_result(self, result):
        super().set_result(None)
        self._loop.call_soon(setattr, self, "_result", result)  # BUG: after the callbacks
