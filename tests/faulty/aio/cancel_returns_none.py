"""Injects: cancel() of a PENDING future cancels it but returns None instead of True."""
from reference import aio_future as ref

VIOLATES = {"AIO-CANCEL-1"}


class Future(ref.Future):
    def cancel(self, msg=None):
        if super().cancel(msg):
            return None  # BUG
        return False
