"""EXEC-MAP-3 with pebble alone: once next() on map()'s iterator has raised an item's exception, the iterator must
be exhausted (the next next() raises StopIteration).

pebble's map() returns a future whose result is a MapResults iterator chaining every call's outcome: next() raises
the exception of an item that failed and, by design, goes on with the items after it (in
https://github.com/noxdafox/pebble/issues/132 the maintainer has a program go on with next() past a failed chunk to
pinpoint the offending item). Runs the scenario on both pools and exits 1 if, on either, next() after the exception
returned an item."""
import multiprocessing
import sys

import pebble


def fails_on_five(number):
    if number == 5:
        raise ValueError(number)
    return -number


def after_the_exception(pool):
    results, yielded = pool.map(fails_on_five, range(8), chunksize=1).result(timeout=30), []
    try:
        for value in results:
            yielded.append(value)
    except ValueError as error:
        raised = error
    try:
        later = next(results)
    except StopIteration:
        later = "StopIteration"
    pool.close()
    pool.join()
    print(f"{type(pool).__name__}: next() yielded {yielded}, raised {raised!r}, then gave {later!r}")
    return later != "StopIteration"


if __name__ == "__main__":
    thread_pool = after_the_exception(pebble.ThreadPool(max_workers=1))
    process_pool = after_the_exception(pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn")))
    sys.exit(1 if thread_pool or process_pool else 0)
