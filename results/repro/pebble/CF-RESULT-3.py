"""CF-RESULT-3 with pebble alone: result() of a future that finished with an exception must raise it, even when the
exception's truth value is False.

pebble's futures are the standard library's Future (ThreadPool) and a subclass of it (ProcessPool's ProcessFuture),
whose result() tests `if self._exception:` before 3.13.4 (gh-132063): result() returns None as if the call had
succeeded, for a future given the exception by set_exception() and for a call that raised it in either pool. Exits 1
while the bug is present."""
import multiprocessing
import sys

import pebble


class FalsyError(Exception):
    def __bool__(self):
        return False


def fail():
    raise FalsyError("raised by a call")


if __name__ == "__main__":
    future = pebble.ProcessFuture()
    future.set_exception(FalsyError("set by set_exception()"))
    made = [("a pebble.ProcessFuture given it by set_exception()", future)]
    pools = [pebble.ThreadPool(max_workers=1),
             pebble.ProcessPool(max_workers=1, context=multiprocessing.get_context("spawn"))]
    made += [(f"a call of {type(p).__name__} that raised it", p.schedule(fail)) for p in pools]
    swallowed = False
    for what, f in made:
        try:
            print(f"result() of {what} returned {f.result(timeout=60)!r}; exception() is {f.exception()!r}")
            swallowed = True
        except FalsyError:
            pass
    for pool in pools:
        pool.close()
        pool.join()
    sys.exit(1 if swallowed else 0)
