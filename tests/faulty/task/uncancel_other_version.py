"""Injects: uncancel() treats a request still waiting for the next step the way the other Python versions do: from
3.13 it keeps it (as 3.11 and 3.12 do), before 3.13 it withdraws it (as 3.13 does)."""
import sys
from asyncio import tasks

VIOLATES = {"TASK-COUNT-3", "TASK-COUNT-4"}


class Task(tasks._PyTask):
    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
            if self._num_cancels_requested == 0 and sys.version_info < (3, 13):
                self._must_cancel = False  # BUG: the version's rule, inverted
        return self._num_cancels_requested
