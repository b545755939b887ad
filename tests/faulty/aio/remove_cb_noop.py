"""Injects: remove_done_callback() counts the registrations of fn but removes none of them, so they still run."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-4"}


class Future(ref.Future):
    def remove_done_callback(self, fn):
        return sum(1 for f, _ in self._callbacks if f == fn)  # BUG: nothing is removed
