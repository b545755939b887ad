"""Injects: callbacks run on a new thread (joined before returning) instead of the completing thread."""
import threading

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-2", "CF-CB-3"}


class Future(ref.Future):
    def _invoke(self, callbacks):
        thread = threading.Thread(target=super()._invoke, args=(callbacks,))  # BUG
        thread.start()
        thread.join()
