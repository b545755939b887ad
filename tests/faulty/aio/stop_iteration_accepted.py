"""Injects: set_exception(StopIteration()) is stored unchanged: neither refused (up to 3.12) nor wrapped (3.13+)."""
from reference import aio_future as ref

VIOLATES = {"AIO-SET-4", "AIO-SET-5"}  # whichever holds on the running interpreter


class Future(ref.Future):
    @staticmethod
    def _refuse_stop_iteration(exception):
        return exception  # BUG
