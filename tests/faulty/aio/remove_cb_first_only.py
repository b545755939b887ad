"""Injects: remove_done_callback() removes only the first registration of fn (list.remove), so the rest still run."""
from reference import aio_future as ref

VIOLATES = {"AIO-CB-4"}


class Future(ref.Future):
    def remove_done_callback(self, fn):
        for i, (f, _) in enumerate(self._callbacks):
            if f == fn:
                del self._callbacks[i]  # BUG: only the first one
                return 1
        return 0
