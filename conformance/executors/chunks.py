"""What map() yields when a call raises, with a chunksize (EXEC-MAP-3, EXEC-MAP-8): the check's observation and its
judgement, apart from scenarios.py. `map(fails_on_five, range(8), chunksize=k)` must yield the results of every item
of the chunks before item 5's, may yield those of its own chunk before it (a process pool loses them: its worker runs
a chunk as one call, EXEC-MAP-8), then raises item 5's ValueError, and is then exhausted."""
from . import workers

FAILING = 5  # the item workers.fails_on_five raises for
ERROR = (ValueError, ("futurespec: item 5 fails",))


def until_raised(executor, chunksize):
    """(what map() yielded before raising, the exception's class and args, the class of what next() raised then)."""
    iterator, yielded = executor.map(workers.fails_on_five, range(8), chunksize=chunksize), []
    try:
        yielded.extend(iterator)
        return yielded, None, None, None
    except Exception as error:  # an observation
        raised = error
    try:
        next(iterator)
    except BaseException as error:  # an observation
        return yielded, type(raised), raised.args, type(error)
    return yielded, type(raised), raised.args, None


def allowed(observed, chunksize):
    yielded, *error, after = observed
    lost = FAILING % chunksize  # the items of item 5's chunk before it
    return tuple(error) == ERROR and after is StopIteration and \
        any(yielded == [-i for i in range(n)] for n in range(FAILING - lost, FAILING + 1))


def expected(chunksize):
    kept = [-i for i in range(FAILING - FAILING % chunksize)]
    more = " (or more of them, up to -4)" if FAILING % chunksize else ""
    return f"{kept}{more}, then ValueError('futurespec: item 5 fails'), then StopIteration"


def shown(yielded, raised, args, after):
    if raised is None:
        return f"yielded {yielded} and ended without raising"
    return (f"yielded {yielded}, then raised {raised.__name__}{args!r}, then next() "
            f"{f'raised {after.__name__}' if after else 'returned'}")
