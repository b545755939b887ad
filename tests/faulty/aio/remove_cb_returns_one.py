"""Injects: remove_done_callback() removes every registration but returns 1, not how many it removed."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-4"}


class Future(ref.Future):
    def remove_done_callback(self, fn):
        return min(super().remove_done_callback(fn), 1)  # BUG
