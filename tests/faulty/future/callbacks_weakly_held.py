"""Injects: the future holds its callbacks through weak references ("so that a callback never keeps its owner
alive"), so a callback nothing else references is collected before the future completes and never called."""
import weakref
from concurrent.futures import CancelledError, InvalidStateError, TimeoutError  # noqa: F401 (the API)

from reference import future as ref

VIOLATES = {"CF-CB-10"}


class Future(ref.Future):
    def add_done_callback(self, fn):
        with self._condition:
            if self._state in ref._UNFINISHED:
                try:
                    self._callbacks.append(weakref.ref(fn))  # BUG: the future must keep fn alive
                except TypeError:  # not weakly referenceable: held as it is
                    self._callbacks.append(lambda fn=fn: fn)
                return
        self._invoke([fn])

    def _complete_locked(self):
        callbacks = super()._complete_locked()
        return [fn for fn in (ref() for ref in callbacks) if fn is not None]
