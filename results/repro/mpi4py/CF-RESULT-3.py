"""CF-RESULT-3 with mpi4py alone: result() of a future that finished with an exception must raise it, even when the
exception's truth value is False.

mpi4py.futures' Future is the standard library's, whose result() tests `if self._exception:` before 3.13.4
(gh-132063): result() returns None as if the call had succeeded, both for a future given the exception by
set_exception() and for a call that raised it in an MPIPoolExecutor worker. Needs mpiexec on PATH (pip install
mpich). Exits 1 while the bug is present."""
import sys

from mpi4py import futures


class FalsyError(Exception):
    def __bool__(self):
        return False


def fail():
    raise FalsyError("raised in a worker")


if __name__ == "__main__":
    future = futures.Future()
    future.set_exception(FalsyError("set by set_exception()"))
    executor = futures.MPIPoolExecutor(max_workers=1)
    outcomes = []
    for what, made in (("a Future given it by set_exception()", future),
                       ("a call of MPIPoolExecutor that raised it", executor.submit(fail))):
        try:
            print(f"result() of {what} returned {made.result(timeout=60)!r}; exception() is {made.exception()!r}")
            outcomes.append(False)
        except FalsyError:
            outcomes.append(True)
    executor.shutdown(wait=True)
    sys.exit(0 if all(outcomes) else 1)
