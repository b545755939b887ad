"""Injects: get_loop() returns None instead of the future's loop."""
from reference import aio_future as ref

VIOLATES = {"AIO-LOOP-1"}


class Future(ref.Future):
    def get_loop(self):
        return None  # BUG
