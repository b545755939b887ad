"""Injects: an exception nobody retrieved is dropped silently when the future is collected."""
from reference import aio_future as ref

VIOLATES = {"AIO-LOG-1"}


class Future(ref.Future):
    def __del__(self):
        pass  # BUG: no report
