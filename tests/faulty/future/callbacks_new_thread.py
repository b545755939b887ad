"""Injects: callbacks run on a new thread (joined before returning) instead of the completing thread."""
import threading

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-2", "CF-CB-3"}


class Future(ref.Future):
    def _invoke(self, callbacks):
        escaped = []

        def run():
            try:
                super(Future, self)._invoke(callbacks)
            except BaseException as error:  # hand a CF-CB-7 interrupt back to the caller, as the reference does
                escaped.append(error)

        thread = threading.Thread(target=run)  # BUG
        thread.start()
        thread.join()
        if escaped:
            raise escaped[0]
