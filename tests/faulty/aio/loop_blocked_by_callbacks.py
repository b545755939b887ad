"""Injects: completing the future schedules a step that never returns, so the loop hangs at its next iteration and
no callback runs (the machine must judge the hang, and keep judging when the loop hangs again after the clause was
muted)."""
import threading

from reference import aio_future as ref

VIOLATES = {"AIO-CB-2"}
_NEVER = threading.Event()


class Future(ref.Future):
    def _schedule_callbacks(self):
        self._loop.call_soon(_NEVER.wait)  # BUG: blocks the loop's thread for ever
        super()._schedule_callbacks()
