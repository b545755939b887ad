"""CF-RESULT-3 with futurist alone: result() of a future that finished with an exception must raise it, even when
the exception's truth value is False.

futurist's Future is the standard library's, whose result() tests `if self._exception:` before 3.13.4
(gh-132063): result() returns None as if the call had succeeded, for a future given the exception by
set_exception() and for a call that raised it in any of futurist's executors. Exits 1 while the bug is present."""
import sys

import futurist


class FalsyError(Exception):
    def __bool__(self):
        return False


def fail():
    raise FalsyError("raised by a call")


if __name__ == "__main__":
    future = futurist.Future()
    future.set_exception(FalsyError("set by set_exception()"))
    made = [("a futurist.Future given it by set_exception()", future)]
    executors = [futurist.SynchronousExecutor(), futurist.ThreadPoolExecutor(1), futurist.ProcessPoolExecutor(1)]
    made += [(f"a call of {type(e).__name__} that raised it", e.submit(fail)) for e in executors]
    swallowed = False
    for what, f in made:
        try:
            print(f"result() of {what} returned {f.result(timeout=60)!r}; exception() is {f.exception()!r}")
            swallowed = True
        except FalsyError:
            pass
    for executor in executors:
        executor.shutdown(wait=True)
    sys.exit(1 if swallowed else 0)
