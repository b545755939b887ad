"""Injects: add_done_callback(fn, context=ctx) ignores ctx and captures the current context instead."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-3"}


class Future(ref.Future):
    def add_done_callback(self, fn, *, context=None):
        super().add_done_callback(fn)  # BUG: context dropped
