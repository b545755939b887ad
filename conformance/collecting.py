"""Collecting dropped objects, as cheaply as the check allows.

Some checks drop the last reference to an object and then look at what its collection did (a future's unretrieved
exception reported, a waiter gone from a long-lived future, a result no longer held). A full gc.collect() makes that
certain, but it walks every object of the process: in a long-lived one (hundreds of in-process runs in one pytest
worker) that is a tenth of a second and more, paid at every such step. Most dropped objects are already gone by
reference counting, and the rest are young, so a full collection is only the last resort.

Some implementations let go of an object asynchronously (dask releases a result once its scheduler has heard the
future is gone): `Freed` is then what the watchdog waits for, so the check depends on the time limit, never on how
long a collection happens to take.
"""
import gc
import threading
import time
import weakref

from .watchdog import COLLECTIONS

LOOKS = (0.01, 0.25)  # seconds between looks while waiting for an object to be freed: the first, doubled up to the last


def weak(value):
    """A weak reference to `value`, or None if it takes none."""
    try:
        return weakref.ref(value)
    except TypeError:
        return None


def collect(*refs, until=lambda: False):
    """Collect until every object `refs` follow is gone, or `until()` holds (what the check waits for has happened:
    a finalizer reported to the loop): no collection, then the young generations, then all of them. A ref of None
    (an object that takes no weak reference) cannot be followed: it always costs a full collection."""
    for generation in (None, 0, 1, 2):
        if generation is not None:
            gc.collect(generation)
        if until() or all(ref is not None and ref() is None for ref in refs):
            return


class Freed:
    """Waitable (for the watchdog's wait()): `value` has been freed. Its weak reference's callback wakes the
    wait at once when reference counting frees it, whichever thread lets go; between looks the wait collects as
    collect() does, for an object left in a reference cycle. The looks grow further apart (LOOKS), so a long wait
    costs few collections."""

    def __init__(self, value):
        freed = self.event = threading.Event()
        self.ref = weakref.ref(value, lambda _: freed.set())

    def is_set(self):
        return self.ref() is None

    def wait(self, timeout):
        deadline = time.monotonic() + timeout
        look, longest = LOOKS
        while True:
            with COLLECTIONS.uncounted():  # the wait's own collections are not the implementation's time
                collect(self.ref)
            remaining = deadline - time.monotonic()
            if self.is_set() or remaining <= 0:
                return self.is_set()
            self.event.wait(min(look, remaining))
            look = min(look * 2, longest)
