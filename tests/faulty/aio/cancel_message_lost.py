"""Injects: the cancellation message is dropped: a cancelled future raises CancelledError() with no arguments."""
from reference import aio_future as ref

VIOLATES = {"AIO-CANCEL-3"}


class Future(ref.Future):
    def _check_done(self, method):
        if self._state == ref.CANCELLED:
            raise ref.CancelledError()  # BUG: the message is lost
        super()._check_done(method)
