"""Collecting dropped objects, as cheaply as the check allows.

Some checks drop the last reference to an object and then look at what its collection did (a future's unretrieved
exception reported, a waiter gone from a long-lived future, a result no longer held). A full gc.collect() makes that
certain, but it walks every object of the process: in a long-lived one (hundreds of in-process runs in one pytest
worker) that is a tenth of a second and more, paid at every such step. Most dropped objects are already gone by
reference counting, and the rest are young, so a full collection is only the last resort.
"""
import gc
import weakref


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
