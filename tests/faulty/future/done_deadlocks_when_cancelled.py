"""Injects: done() takes the future's lock, and for a cancelled future takes it again "to be safe": a lock that is
not re-entrant, so done() of a cancelled future never returns. A callback asking done() deadlocks too, so the tour's
walks with callbacks blame the callback's clause first; only a query made with no callback around names the query
(a new user's implementation was once judged CORE-QUERY-3 `pass`)."""
import threading

from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CORE-QUERY-3"}


class Future(ref.Future):
    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()

    def done(self):
        with self._lock:
            if self._state in ref._CANCELLED:
                with self._lock:  # BUG: not re-entrant
                    return True
            return self._state not in ref._UNFINISHED
